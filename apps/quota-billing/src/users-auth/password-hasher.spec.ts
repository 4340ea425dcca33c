import { decoyHash, hashPassword, verifyPassword } from './password-hasher';

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash and never contains the password', async () => {
    const [a, b] = await Promise.all([hashPassword('same-password'), hashPassword('same-password')]);
    expect(a).not.toBe(b);
    expect(a).not.toContain('same-password');
    expect(a).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]{44}$/);
  });

  it('refuses malformed or tampered stored hashes instead of throwing', async () => {
    const hash = await hashPassword('pw-12345678');
    const parts = hash.split('$');
    expect(await verifyPassword('pw-12345678', 'plain')).toBe(false);
    expect(await verifyPassword('pw-12345678', ['bcrypt', ...parts.slice(1)].join('$'))).toBe(false);
    expect(await verifyPassword('pw-12345678', [...parts.slice(0, 1), '40', ...parts.slice(2)].join('$'))).toBe(false);
    expect(
      await verifyPassword('pw-12345678', [...parts.slice(0, 5), Buffer.alloc(32).toString('base64')].join('$')),
    ).toBe(false);
  });

  it('treats equivalent Unicode spellings alike (NFKC)', async () => {
    const hash = await hashPassword('caf\u00e9-secret');
    expect(await verifyPassword('cafe\u0301-secret', hash)).toBe(true);
  });

  it('has a decoy that matches nothing a user types', async () => {
    expect(await verifyPassword('anything-at-all', await decoyHash())).toBe(false);
  });
});
