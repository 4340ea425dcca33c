import { ObjectRecord } from '@mp/contracts';
import { ObjectStorage } from '@mp/storage';
import { Readable } from 'node:stream';
import { CHUNK_BYTES, chunkCount, DecryptStream, STORED_CHUNK_BYTES, storedSize } from './encryption/chunked-cipher';
import { MasterKeys } from './encryption/master-keys';

/**
 * The plaintext bytes `start`–`end` (inclusive) of a stored object. An encrypted one is read only
 * from the chunks covering the range, decrypted (any tampering fails the stream), then trimmed.
 */
export async function readPlain(
  storage: ObjectStorage,
  keys: MasterKeys,
  record: ObjectRecord,
  start: number,
  end: number,
): Promise<Readable> {
  const whole = start === 0 && end === record.bytes - 1;
  if (!record.encryption) {
    return (await storage.getStream({ key: record.storage_key, ...(whole ? {} : { range: { start, end } }) })).body;
  }
  const dataKey = keys.unwrap(record.encryption);
  const first = Math.floor(start / CHUNK_BYTES);
  const last = record.bytes === 0 ? 0 : Math.min(Math.floor(end / CHUNK_BYTES), chunkCount(record.bytes) - 1);
  const stored = await storage.getStream({
    key: record.storage_key,
    range: {
      start: first * STORED_CHUNK_BYTES,
      end: Math.min((last + 1) * STORED_CHUNK_BYTES, storedSize(record.bytes)) - 1,
    },
  });
  const decrypt = new DecryptStream(
    dataKey,
    Buffer.from(record.encryption.nonce_base, 'base64'),
    first,
    last,
    record.bytes,
  );
  const plain = stored.body.pipe(decrypt);
  stored.body.on('error', (err) => decrypt.destroy(err));
  // Whole chunks from the first byte to the last: nothing to trim, the plaintext streams as it is.
  if (start === first * CHUNK_BYTES && end === record.bytes - 1) return plain;
  return Readable.from(trim(plain, start - first * CHUNK_BYTES, end - start + 1));
}

/** Skips `skip` bytes of `source`, then yields `length` bytes. */
async function* trim(source: Readable, skip: number, length: number): AsyncGenerator<Buffer> {
  let toSkip = skip;
  let left = length;
  for await (const chunk of source) {
    let buf = chunk as Buffer;
    if (toSkip > 0) {
      const cut = Math.min(toSkip, buf.length);
      buf = buf.subarray(cut);
      toSkip -= cut;
    }
    if (buf.length === 0) continue;
    const take = buf.subarray(0, left);
    left -= take.length;
    yield take;
    if (left <= 0) break;
  }
}
