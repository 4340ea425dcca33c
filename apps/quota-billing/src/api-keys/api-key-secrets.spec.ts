import { API_KEY_KINDS } from '@mp/contracts';
import { createHash } from 'node:crypto';
import {
  APP_KEY_LENGTH,
  appKeysMatch,
  generateKeyMaterial,
  hashSecret,
  isKeyHash,
  keyHint,
  KEY_PREFIXES,
  randomBase62,
  SECRET_LENGTH,
} from './api-key-secrets';

const FORMATS = {
  cdt: /^cdt_[A-Za-z0-9]{40}$/,
  kikaku: /^kikaku_[A-Za-z0-9]{40}$/,
  kikaku_s3: /^kikaku_s3_[A-Za-z0-9]{40}$/,
  bucket: /^bkt_[A-Za-z0-9]{40}$/,
};

/** A deterministic byte source that replays `bytes` cyclically. */
const replay = (bytes: number[]) => {
  let i = 0;
  return (size: number) => Buffer.from(Array.from({ length: size }, () => bytes[i++ % bytes.length]));
};

describe('randomBase62', () => {
  it('draws exactly the requested number of alphanumerics', () => {
    for (const length of [1, 20, 40, 64]) expect(randomBase62(length)).toMatch(new RegExp(`^[A-Za-z0-9]{${length}}$`));
  });

  it('maps bytes below 248 onto the alphabet and skips the rest, so no character is favoured', () => {
    expect(randomBase62(4, replay([0, 61, 248, 255, 62, 247]))).toBe('A9A9');
  });

  it('keeps drawing when a whole batch is rejected', () => {
    let calls = 0;
    const source = (size: number) => Buffer.alloc(size, calls++ === 0 ? 250 : 1);
    expect(randomBase62(3, source)).toBe('BBB');
    expect(calls).toBe(2);
  });

  it('does not repeat itself', () => {
    const seen = new Set(Array.from({ length: 1000 }, () => randomBase62(SECRET_LENGTH)));
    expect(seen.size).toBe(1000);
  });
});

describe('hashSecret', () => {
  it('is the SHA-256 hex of the UTF-8 plaintext (what the gateway computes)', () => {
    expect(hashSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashSecret('cdt_x')).toBe(createHash('sha256').update('cdt_x').digest('hex'));
    expect(isKeyHash(hashSecret('anything'))).toBe(true);
  });
});

describe('isKeyHash', () => {
  it('accepts 64 hex characters only', () => {
    expect(isKeyHash('a'.repeat(64))).toBe(true);
    expect(isKeyHash('A'.repeat(64))).toBe(true);
    expect(isKeyHash('g'.repeat(64))).toBe(false);
    expect(isKeyHash('a'.repeat(63))).toBe(false);
  });
});

describe('keyHint', () => {
  it('shows the kind prefix and the last four characters only', () => {
    expect(keyHint('cdt', 'cdt_abcdefWXYZ')).toBe('cdt_…WXYZ');
    expect(keyHint('kikaku_s3', 'kikaku_s3_abcdefWXYZ')).toBe('kikaku_s3_…WXYZ');
    expect(keyHint('image', 'abcdefWXYZ')).toBe('…WXYZ');
  });
});

describe('generateKeyMaterial', () => {
  it.each(Object.entries(FORMATS))('issues %s keys in their dialect format, stored only as a hash', (kind, format) => {
    const material = generateKeyMaterial(kind as keyof typeof FORMATS);
    expect(material.reveal).toEqual({ key: expect.stringMatching(format) });
    const { key } = material.reveal as { key: string };
    expect(material.key_hash).toBe(hashSecret(key));
    expect(material.hint).toBe(`${KEY_PREFIXES[kind as keyof typeof FORMATS]}…${key.slice(-4)}`);
    expect(material.app_key).toBeNull();
    expect(JSON.stringify({ ...material, reveal: undefined })).not.toContain(key.slice(0, -4));
  });

  it('issues image keys as a 20-character app key plus a 40-character secret, hashing the secret', () => {
    const material = generateKeyMaterial('image');
    const { app_key, secret_key } = material.reveal as { app_key: string; secret_key: string };
    expect(app_key).toMatch(new RegExp(`^[A-Za-z0-9]{${APP_KEY_LENGTH}}$`));
    expect(secret_key).toMatch(new RegExp(`^[A-Za-z0-9]{${SECRET_LENGTH}}$`));
    expect(material.app_key).toBe(app_key);
    expect(material.key_hash).toBe(hashSecret(secret_key));
    expect(material.hint).toBe(`…${secret_key.slice(-4)}`);
  });

  it('covers every kind of the contract', () => {
    for (const kind of API_KEY_KINDS) expect(KEY_PREFIXES[kind]).toBeDefined();
    expect(Object.keys(KEY_PREFIXES).sort()).toEqual([...API_KEY_KINDS].sort());
  });

  it('never gives two kinds formats that one secret could match', () => {
    const kikaku = (generateKeyMaterial('kikaku').reveal as { key: string }).key;
    expect(kikaku).not.toMatch(FORMATS.kikaku_s3);
  });
});

describe('appKeysMatch', () => {
  it('requires an identical app key', () => {
    expect(appKeysMatch('AbCdEfGhIjKlMnOpQrSt', 'AbCdEfGhIjKlMnOpQrSt')).toBe(true);
    expect(appKeysMatch('AbCdEfGhIjKlMnOpQrSt', 'abcdefghijklmnopqrst')).toBe(false);
    expect(appKeysMatch('AbCdEfGhIjKlMnOpQrSt', 'AbCd')).toBe(false);
    expect(appKeysMatch('AbCdEfGhIjKlMnOpQrSt', '')).toBe(false);
  });

  it('refuses when either side is missing', () => {
    expect(appKeysMatch(null, 'x')).toBe(false);
    expect(appKeysMatch('x', undefined)).toBe(false);
  });
});
