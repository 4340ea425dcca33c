import { randomBytes } from 'node:crypto';
import { SecretCipher } from './secret-cipher';

describe('SecretCipher', () => {
  const secret = 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEy';

  it('encrypts with a key: the stored form does not contain the secret and opens back to it', () => {
    const cipher = new SecretCipher(randomBytes(32));
    const sealed = cipher.seal(secret);
    expect(sealed.startsWith('aes256gcm:')).toBe(true);
    expect(sealed).not.toContain(secret.slice(6));
    expect(cipher.open(sealed)).toBe(secret);
    expect(cipher.seal(secret)).not.toBe(sealed);
  });

  it('refuses to open with the wrong key or a tampered value', () => {
    const sealed = new SecretCipher(randomBytes(32)).seal(secret);
    expect(() => new SecretCipher(randomBytes(32)).open(sealed)).toThrow();
    const parts = sealed.split(':');
    parts[3] = Buffer.from('tampered').toString('base64');
    expect(() => new SecretCipher(randomBytes(32)).open(parts.join(':'))).toThrow();
    expect(() => new SecretCipher(undefined, 'CALLBACK_SECRET_ENCRYPTION_KEY').open(sealed)).toThrow(
      'CALLBACK_SECRET_ENCRYPTION_KEY',
    );
  });

  it('stores plainly without a key, and still opens plain values once a key is configured', () => {
    const sealed = new SecretCipher(undefined).seal(secret);
    expect(sealed).toBe(`plain:${secret}`);
    expect(new SecretCipher(randomBytes(32)).open(sealed)).toBe(secret);
    expect(() => new SecretCipher(randomBytes(16))).toThrow('32 bytes');
    expect(new SecretCipher(undefined).encrypts).toBe(false);
    expect(new SecretCipher(randomBytes(32)).encrypts).toBe(true);
  });
});
