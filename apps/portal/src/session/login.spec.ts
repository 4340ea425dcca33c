import { ApiClient, FetchFn } from '../api/api-client';
import { MESSAGES } from '../messages';
import { keyKindFromPrefix } from './key-kind';
import { KeyStore } from './key-store';
import { identifyKey, wrongKindMessage } from './login';

/** A fetch that answers only the listed paths; anything else fails the test. */
function strictFetch(answers: Record<string, number>): { fetchFn: FetchFn; calls: string[] } {
  const calls: string[] = [];
  const fetchFn: FetchFn = async (path, init) => {
    calls.push(path);
    expect((init?.headers as Record<string, string>).authorization).toMatch(/^Bearer /);
    const status = answers[path];
    if (status === undefined) throw new Error(`unexpected request ${path}`);
    const body = status === 200 ? {} : { error: { code: 'X', message: `status ${status}` } };
    return new Response(JSON.stringify(body), { status });
  };
  return { fetchFn, calls };
}

describe('login', () => {
  it('tells the kind from the prefix, kikaku_s3_ before kikaku_', () => {
    expect(keyKindFromPrefix('kikaku_s3_abc')).toBe('s3');
    expect(keyKindFromPrefix('kikaku_abc')).toBe('ai');
    expect(keyKindFromPrefix(' kikaku_abc ')).toBe('ai');
    expect(keyKindFromPrefix('cdt_abc')).toBe('unknown');
  });

  it('an AI key is confirmed by /v1/usage with one request', async () => {
    const { fetchFn, calls } = strictFetch({ '/v1/usage': 200 });
    await expect(identifyKey(new ApiClient('kikaku_x', fetchFn))).resolves.toEqual({ key: 'kikaku_x', kind: 'ai' });
    expect(calls).toEqual(['/v1/usage']);
  });

  it('an S3 key is confirmed by /s3/usage', async () => {
    const { fetchFn, calls } = strictFetch({ '/s3/usage': 200 });
    await expect(identifyKey(new ApiClient('kikaku_s3_x', fetchFn))).resolves.toMatchObject({ kind: 's3' });
    expect(calls).toEqual(['/s3/usage']);
  });

  it('a key of another prefix asks both and has no features when both refuse', async () => {
    const { fetchFn, calls } = strictFetch({ '/v1/usage': 401, '/s3/usage': 403 });
    await expect(identifyKey(new ApiClient('cdt_x', fetchFn))).resolves.toMatchObject({ kind: 'none' });
    expect(calls).toEqual(['/v1/usage', '/s3/usage']);
  });

  it('a refused kikaku key has no features; a network failure is thrown, not taken as an answer', async () => {
    const { fetchFn } = strictFetch({ '/v1/usage': 401 });
    await expect(identifyKey(new ApiClient('kikaku_revoked', fetchFn))).resolves.toMatchObject({ kind: 'none' });
    const down: FetchFn = async () => {
      throw new TypeError('fetch failed');
    };
    await expect(identifyKey(new ApiClient('kikaku_x', down))).rejects.toMatchObject({ status: 0 });
  });

  it('the wrong-kind sentences are the seed’s', () => {
    const ai = { key: 'k', kind: 'ai' } as const;
    const s3 = { key: 'k', kind: 's3' } as const;
    expect(wrongKindMessage(ai, 'ai', MESSAGES)).toBeNull();
    expect(wrongKindMessage(ai, 's3', MESSAGES)).toBe(
      'You are logged in with an AI Image key. Please login with an S3 Storage API key (kikaku_s3_xxx) to access this feature.',
    );
    expect(wrongKindMessage(s3, 'ai', MESSAGES)).toBe(
      'You are logged in with an S3 Storage key. Please login with an AI Image API key (kikaku_xxx) to access this feature.',
    );
    expect(wrongKindMessage({ key: 'k', kind: 'none' }, 'ai', MESSAGES)).toBe(
      'You do not currently have any active features or valid keys assigned to your account. Please contact an administrator.',
    );
  });

  it('the key store keeps the key under one name and forgets it on logout', () => {
    const map = new Map<string, string>();
    const store = new KeyStore({
      getItem: (k) => map.get(k) ?? null,
      setItem: (k, v) => void map.set(k, v),
      removeItem: (k) => void map.delete(k),
    });
    expect(store.load()).toBeNull();
    store.save('kikaku_x');
    expect(store.load()).toBe('kikaku_x');
    store.clear();
    expect(map.size).toBe(0);
  });
});
