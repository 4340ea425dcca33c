import { errors, jwtVerify, SignJWT } from 'jose';

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
const ALGORITHM = 'HS256';

const keyOf = (secret: string) => new TextEncoder().encode(secret);

/** A JWT (HS256) bound to this API's audience; `nowSeconds` is the issue time. */
export function signAccessToken(
  claims: { sub: string; team: string },
  secret: string,
  ttlSeconds: number,
  nowSeconds: number,
): Promise<string> {
  return new SignJWT({ team: claims.team })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(claims.sub)
    .setAudience(AUDIENCE)
    .setIssuedAt(nowSeconds)
    .setExpirationTime(nowSeconds + ttlSeconds)
    .sign(keyOf(secret));
}

/** Signature (only HS256), audience and expiry checked by `jose`; never throws. */
export async function verifyAccessToken(token: string, secret: string, nowSeconds: number): Promise<TokenCheck> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: [ALGORITHM],
      audience: AUDIENCE,
      currentDate: new Date(nowSeconds * 1000),
      requiredClaims: ['sub', 'iat', 'exp'],
    });
    const { sub, team, iat, exp } = payload;
    if (typeof sub !== 'string' || typeof team !== 'string' || typeof iat !== 'number' || typeof exp !== 'number') {
      return { ok: false, reason: 'malformed' };
    }
    return { ok: true, claims: { sub, team, iat, exp } };
  } catch (err) {
    return { ok: false, reason: refusalOf(err) };
  }
}

function refusalOf(err: unknown): 'malformed' | 'signature' | 'expired' | 'audience' {
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'signature';
  if (err instanceof errors.JWTExpired) return 'expired';
  if (err instanceof errors.JWTClaimValidationFailed && err.claim === 'aud') return 'audience';
  return 'malformed';
}
