import { createHmac } from 'node:crypto';
import { tempUrlValid, TempUrlRequest } from './temp-url';

const PATH = '/v1/acc/c/dir/o.txt';
const NOW = new Date('2026-12-04T00:00:00Z');
const EXPIRES = String(NOW.getTime() / 1000 + 60);
const hmac = (digest: string, body: string, key = 'secret') => createHmac(digest, key).update(body);

const request = (query: Record<string, string>, over: Partial<TempUrlRequest> = {}): TempUrlRequest => ({
  method: 'GET',
  path: PATH,
  query,
  clientIp: '127.0.0.1',
  keys: ['other', 'secret'],
  now: NOW,
  ...over,
});

describe('tempUrlValid', () => {
  const sig = hmac('sha256', `GET\n${EXPIRES}\n${PATH}`).digest('hex');

  it('accepts SHA-256 hex and SHA-512 base64 signatures made with either key', () => {
    expect(tempUrlValid(request({ temp_url_sig: sig, temp_url_expires: EXPIRES }))).toBe(true);
    const s512 = `sha512:${hmac('sha512', `GET\n${EXPIRES}\n${PATH}`).digest('base64url')}`;
    expect(tempUrlValid(request({ temp_url_sig: s512, temp_url_expires: EXPIRES }))).toBe(true);
    expect(tempUrlValid(request({ temp_url_sig: sig, temp_url_expires: EXPIRES }, { method: 'HEAD' }))).toBe(true);
  });

  it('refuses another method, path, key, an expired URL and SHA-1', () => {
    expect(tempUrlValid(request({ temp_url_sig: sig, temp_url_expires: EXPIRES }, { method: 'PUT' }))).toBe(false);
    expect(tempUrlValid(request({ temp_url_sig: sig, temp_url_expires: EXPIRES }, { path: '/v1/acc/c/other' }))).toBe(
      false,
    );
    expect(tempUrlValid(request({ temp_url_sig: sig, temp_url_expires: EXPIRES }, { keys: ['nope'] }))).toBe(false);
    expect(
      tempUrlValid(
        request({ temp_url_sig: sig, temp_url_expires: EXPIRES }, { now: new Date(NOW.getTime() + 61_000) }),
      ),
    ).toBe(false);
    const sha1 = hmac('sha1', `GET\n${EXPIRES}\n${PATH}`).digest('hex');
    expect(tempUrlValid(request({ temp_url_sig: sha1, temp_url_expires: EXPIRES }))).toBe(false);
    expect(tempUrlValid(request({ temp_url_sig: sig, temp_url_expires: 'soon' }))).toBe(false);
  });

  it('binds the IP range and the prefix when signed with them', () => {
    const ipSig = hmac('sha256', `ip=127.0.0.0/8\nGET\n${EXPIRES}\n${PATH}`).digest('hex');
    const ip = { temp_url_sig: ipSig, temp_url_expires: EXPIRES, temp_url_ip_range: '127.0.0.0/8' };
    expect(tempUrlValid(request(ip))).toBe(true);
    expect(tempUrlValid(request(ip, { clientIp: '10.0.0.1' }))).toBe(false);
    const prefixSig = hmac('sha256', `GET\n${EXPIRES}\nprefix:/v1/acc/c/dir/`).digest('hex');
    const prefixed = { temp_url_sig: prefixSig, temp_url_expires: EXPIRES, temp_url_prefix: 'dir/' };
    expect(tempUrlValid(request(prefixed))).toBe(true);
    expect(tempUrlValid(request(prefixed, { path: '/v1/acc/c/elsewhere' }))).toBe(false);
  });
});
