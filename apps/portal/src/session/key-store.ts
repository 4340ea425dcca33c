const KEY = 'portal.api-key';

/** The key lives in sessionStorage only: never in a URL, a cookie or localStorage; gone with the tab. */
export class KeyStore {
  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>) {}

  load(): string | null {
    return this.storage.getItem(KEY);
  }

  save(key: string): void {
    this.storage.setItem(KEY, key);
  }

  clear(): void {
    this.storage.removeItem(KEY);
  }
}
