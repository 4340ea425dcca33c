import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import {
  CHUNK_BYTES,
  chunkCount,
  DecryptStream,
  EncryptStream,
  newNonceBase,
  STORED_CHUNK_BYTES,
  storedSize,
} from './chunked-cipher';

const key = randomBytes(32);
const base = newNonceBase();
const encrypt = (plain: Buffer) => buffer(Readable.from([plain]).pipe(new EncryptStream(key, base)));
const decrypt = (stored: Buffer, first: number, last: number, size: number) =>
  buffer(Readable.from([stored]).pipe(new DecryptStream(key, base, first, last, size)));

describe('chunked AES-256-GCM', () => {
  it.each([0, 1, CHUNK_BYTES, CHUNK_BYTES + 1, 3 * CHUNK_BYTES + 17])('round-trips %i bytes', async (size) => {
    const plain = randomBytes(size);
    const stored = await encrypt(plain);
    expect(stored.length).toBe(storedSize(size));
    expect(await decrypt(stored, 0, chunkCount(size) - 1, size)).toEqual(plain);
  });

  it('decrypts a middle chunk alone (range reads)', async () => {
    const plain = randomBytes(3 * CHUNK_BYTES + 5);
    const stored = await encrypt(plain);
    const middle = stored.subarray(STORED_CHUNK_BYTES, 2 * STORED_CHUNK_BYTES);
    expect(await decrypt(middle, 1, 1, plain.length)).toEqual(plain.subarray(CHUNK_BYTES, 2 * CHUNK_BYTES));
  });

  it('fails on a flipped byte, a truncation and swapped chunks', async () => {
    const plain = randomBytes(2 * CHUNK_BYTES + 3);
    const stored = await encrypt(plain);
    const flipped = Buffer.from(stored);
    flipped[10] ^= 1;
    await expect(decrypt(flipped, 0, 2, plain.length)).rejects.toThrow();
    await expect(decrypt(stored.subarray(0, 2 * STORED_CHUNK_BYTES), 0, 2, plain.length)).rejects.toThrow();
    const swapped = Buffer.concat([
      stored.subarray(STORED_CHUNK_BYTES, 2 * STORED_CHUNK_BYTES),
      stored.subarray(0, STORED_CHUNK_BYTES),
      stored.subarray(2 * STORED_CHUNK_BYTES),
    ]);
    await expect(decrypt(swapped, 0, 2, plain.length)).rejects.toThrow();
    // Dropping the last chunk and calling the previous one final does not verify either.
    await expect(decrypt(stored.subarray(0, 2 * STORED_CHUNK_BYTES), 0, 1, 2 * CHUNK_BYTES)).rejects.toThrow();
  });

  it('stores no plaintext', async () => {
    const plain = Buffer.from('a very recognisable plaintext '.repeat(100));
    expect((await encrypt(plain)).includes(Buffer.from('recognisable'))).toBe(false);
  });
});
