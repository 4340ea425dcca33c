import { ApiError, apiErrorOf } from './api-error';

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

/** Calls the gateway (same origin) with the key as a Bearer token; error answers become ApiError. */
export class ApiClient {
  constructor(
    readonly key: string,
    private readonly fetchFn: FetchFn = (input, init) => fetch(input, init),
  ) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    let res: Response;
    try {
      res = await this.fetchFn(path, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${this.key}` },
      });
    } catch {
      throw new ApiError(0, 'NetworkError', 'The server could not be reached');
    }
    if (!res.ok) throw apiErrorOf(res.status, await res.json().catch(() => null));
    return res;
  }

  async json<T>(path: string, init: RequestInit = {}): Promise<T> {
    return (await (await this.request(path, init)).json()) as T;
  }
}

/** `?a=1&b=x` from the defined values only. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined && value !== '') query.set(name, String(value));
  const text = query.toString();
  return text ? `?${text}` : '';
}
