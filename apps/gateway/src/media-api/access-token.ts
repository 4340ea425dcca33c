import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a seed 003 access token asserts. */
export interface AccessTokenClaims {
  /** User id. */
  sub: string;
  team: string;
  iat: number;
  exp: number;
}

export type TokenCheck =
  { ok: true; claims: AccessTokenClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' | 'audience' };

const AUDIENCE = 'media-api';
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

function sign(input: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(input).digest();
}

/** A JWT (HS256) bound to this API's audience; `nowSeconds` is the issue time. */
export function signAccessToken(
  claims: { sub: string; team: string },
  secret: string,
  ttlSeconds: number,
  nowSeconds: number,
): string {
  const payload = base64url(
    JSON.stringify({
      sub: claims.sub,
      team: claims.team,
      aud: AUDIENCE,
      iat: nowSeconds,
      exp: nowSeconds + ttlSeconds,
    }),
  );
  const input = `${HEADER}.${payload}`;
  return `${input}.${sign(input, secret).toString('base64url')}`;
}

/**
 * Checks the signature first (constant time, over the exact header and payload received, and only
 * `alg: HS256` is accepted), then audience and expiry. Never throws.
 */
export function verifyAccessToken(token: string, secret: string, nowSeconds: number): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) return { ok: false, reason: 'malformed' };
  const [header, payload, signature] = parts;
  const expected = sign(`${header}.${payload}`, secret);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
  const head = parseJson(header);
  const body = parseJson(payload);
  if (head?.alg !== 'HS256' || !body) return { ok: false, reason: 'malformed' };
  const { sub, team, iat, exp, aud } = body;
  if (typeof sub !== 'string' || typeof team !== 'string' || typeof iat !== 'number' || typeof exp !== 'number')
    return { ok: false, reason: 'malformed' };
  if (aud !== AUDIENCE) return { ok: false, reason: 'audience' };
  if (exp <= nowSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { sub, team, iat, exp } };
}

function parseJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
