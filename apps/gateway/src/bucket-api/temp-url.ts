import { createHmac, timingSafeEqual } from 'node:crypto';
import { ipAllowed } from './ip-allow-list';

export interface TempUrlRequest {
  method: string;
  /** The decoded path: `/v1/{account}/{container}/{object}`. */
  path: string;
  query: Record<string, unknown>;
  clientIp: string;
  keys: readonly string[];
  now: Date;
}

type Digest = 'sha256' | 'sha512';

/** Methods whose signature also admits a HEAD, as Swift's tempurl middleware allows. */
const HEAD_SIGNED_BY = ['HEAD', 'GET', 'PUT', 'POST'];
const SERVED_METHODS = new Set(['GET', 'HEAD', 'PUT']);

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** `temp_url_expires`: Unix seconds or ISO 8601 `YYYY-MM-DDThh:mm:ssZ`. */
function expiresAt(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d{1,12}$/.test(value)) return Number(value) * 1000;
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(value)) return Date.parse(value);
  return undefined;
}

/** The digest and raw MAC of `temp_url_sig`: hex (64 → SHA-256, 128 → SHA-512) or `sha256:`/`sha512:` base64. */
function signature(sig: string): { digest: Digest; mac: Buffer } | undefined {
  const prefixed = /^(sha256|sha512):([A-Za-z0-9_\-+/]+=*)$/.exec(sig);
  if (prefixed) return { digest: prefixed[1] as Digest, mac: Buffer.from(prefixed[2]!, 'base64url') };
  if (/^[0-9a-f]{64}$/i.test(sig)) return { digest: 'sha256', mac: Buffer.from(sig, 'hex') };
  if (/^[0-9a-f]{128}$/i.test(sig)) return { digest: 'sha512', mac: Buffer.from(sig, 'hex') };
  return undefined; // SHA-1 signatures are refused, as Swift's default `allowed_digests` does
}

/**
 * Swift's TempURL: `temp_url_sig` is the HMAC (SHA-256 or SHA-512) with one of the container's
 * Temp-URL keys of `[ip={range}\n]{METHOD}\n{expires}\n{path}`, where path is the object's, or
 * `prefix:{container path}/{temp_url_prefix}` for a prefix URL. Valid until `temp_url_expires`,
 * from the client IPs of `temp_url_ip_range` when signed with one.
 */
export function tempUrlValid(request: TempUrlRequest): boolean {
  const sig = text(request.query.temp_url_sig);
  const expires = text(request.query.temp_url_expires);
  const parsed = sig === undefined ? undefined : signature(sig);
  const until = expiresAt(expires);
  if (!parsed || until === undefined || until <= request.now.getTime()) return false;
  if (!SERVED_METHODS.has(request.method) || request.keys.length === 0) return false;
  const ipRange = text(request.query.temp_url_ip_range);
  if (ipRange !== undefined && !ipAllowed(request.clientIp, [ipRange])) return false;
  const prefix = text(request.query.temp_url_prefix);
  let signedPath = request.path;
  if (prefix !== undefined) {
    const containerPath = request.path.split('/').slice(0, 4).join('/');
    if (!request.path.startsWith(`${containerPath}/${prefix}`)) return false;
    signedPath = `prefix:${containerPath}/${prefix}`;
  }
  const methods = request.method === 'HEAD' ? HEAD_SIGNED_BY : [request.method];
  return request.keys.some((key) =>
    methods.some((method) => {
      const body = [...(ipRange !== undefined ? [`ip=${ipRange}`] : []), method, expires!, signedPath].join('\n');
      const expected = createHmac(parsed.digest, key).update(body, 'utf8').digest();
      return expected.length === parsed.mac.length && timingSafeEqual(expected, parsed.mac);
    }),
  );
}
