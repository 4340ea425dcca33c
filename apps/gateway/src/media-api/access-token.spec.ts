import { createHmac } from 'node:crypto';
import { signAccessToken, verifyAccessToken } from './access-token';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const NOW = 1_800_000_000;
const claims = { sub: '4b1f6f0e-2f7c-4d7c-9a55-0d6e8f1c2a3b', team: '9f0c2a3b-1d4e-4f5a-8b6c-7d8e9f0a1b2c' };

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const hmac = (input: string, secret = SECRET) => createHmac('sha256', secret).update(input).digest('base64url');

describe('access tokens (HS256 JWT)', () => {
  it('round-trips the claims and is a standard JWT', async () => {
    const token = await signAccessToken(claims, SECRET, 600, NOW);
    const [header, payload] = token.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toEqual({
      ...claims,
      aud: 'media-api',
      iat: NOW,
      exp: NOW + 600,
    });
    expect(await verifyAccessToken(token, SECRET, NOW + 1)).toEqual({
      ok: true,
      claims: { ...claims, iat: NOW, exp: NOW + 600 },
    });
  });

  it('refuses an expired token (exp is exclusive)', async () => {
    const token = await signAccessToken(claims, SECRET, 600, NOW);
    expect((await verifyAccessToken(token, SECRET, NOW + 599)).ok).toBe(true);
    expect(await verifyAccessToken(token, SECRET, NOW + 600)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses another secret, a changed payload and a changed signature', async () => {
    const token = await signAccessToken(claims, SECRET, 600, NOW);
    expect(await verifyAccessToken(token, `${SECRET}x`, NOW)).toEqual({ ok: false, reason: 'signature' });
    const [header, , signature] = token.split('.');
    const forged = b64({ ...claims, sub: 'someone-else', aud: 'media-api', iat: NOW, exp: NOW + 600 });
    expect(await verifyAccessToken(`${header}.${forged}.${signature}`, SECRET, NOW)).toEqual({
      ok: false,
      reason: 'signature',
    });
    const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'AB' : 'AA');
    expect(await verifyAccessToken(`${token.split('.').slice(0, 2).join('.')}.${flipped}`, SECRET, NOW)).toEqual({
      ok: false,
      reason: 'signature',
    });
  });

  it('refuses alg=none and other algorithms even when "signed"', async () => {
    const payload = b64({ ...claims, aud: 'media-api', iat: NOW, exp: NOW + 600 });
    const none = b64({ alg: 'none', typ: 'JWT' });
    expect((await verifyAccessToken(`${none}.${payload}.`, SECRET, NOW)).ok).toBe(false);
    const hs512 = b64({ alg: 'HS512', typ: 'JWT' });
    expect(await verifyAccessToken(`${hs512}.${payload}.${hmac(`${hs512}.${payload}`)}`, SECRET, NOW)).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('refuses tokens of another audience and malformed input without throwing', async () => {
    const header = b64({ alg: 'HS256', typ: 'JWT' });
    const payload = b64({ ...claims, aud: 'other', iat: NOW, exp: NOW + 600 });
    expect(await verifyAccessToken(`${header}.${payload}.${hmac(`${header}.${payload}`)}`, SECRET, NOW)).toEqual({
      ok: false,
      reason: 'audience',
    });
    for (const bad of [
      '',
      'abc',
      'a.b',
      'a.b.c.d',
      '!!.??.**',
      `${header}.${b64('string')}.${hmac(`${header}.${b64('string')}`)}`,
    ]) {
      expect((await verifyAccessToken(bad, SECRET, NOW)).ok).toBe(false);
    }
  });
});
