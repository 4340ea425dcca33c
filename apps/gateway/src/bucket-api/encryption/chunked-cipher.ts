import { DomainError } from '@mp/contracts';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Transform, TransformCallback } from 'node:stream';
import { ChunkGatherer } from './chunk-gatherer';

/** Plaintext bytes per chunk; each stored chunk is this plus a 16-byte GCM tag. */
export const CHUNK_BYTES = 64 * 1024;
const TAG_BYTES = 16;
export const STORED_CHUNK_BYTES = CHUNK_BYTES + TAG_BYTES;

/** Chunks of a plaintext of `size` bytes (an empty one is one empty chunk). */
export const chunkCount = (size: number) => Math.max(1, Math.ceil(size / CHUNK_BYTES));
/** Stored bytes of a plaintext of `size` bytes. */
export const storedSize = (size: number) => size + chunkCount(size) * TAG_BYTES;

/** The nonce of chunk `index`: the object's random 12-byte base with the index XORed into its last 4 bytes. */
function nonceOf(base: Buffer, index: number): Buffer {
  const nonce = Buffer.from(base);
  nonce.writeUInt32BE((nonce.readUInt32BE(8) ^ index) >>> 0, 8);
  return nonce;
}

/** Additional data binding a chunk to its place: its index and whether it is the last one. */
function aadOf(index: number, final: boolean): Buffer {
  const aad = Buffer.alloc(9);
  aad.writeUInt32BE(Math.floor(index / 2 ** 32), 0);
  aad.writeUInt32BE(index >>> 0, 4);
  aad[8] = final ? 1 : 0;
  return aad;
}

export function sealChunk(key: Buffer, base: Buffer, index: number, final: boolean, plain: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonceOf(base, index));
  cipher.setAAD(aadOf(index, final));
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

/** Throws when the chunk was altered, moved, or is not the final one it claims (or not) to be. */
export function openChunk(key: Buffer, base: Buffer, index: number, final: boolean, sealed: Buffer): Buffer {
  if (sealed.length < TAG_BYTES) throw new Error('Encrypted chunk is truncated');
  const decipher = createDecipheriv('aes-256-gcm', key, nonceOf(base, index));
  decipher.setAAD(aadOf(index, final));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  const plain = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
  // GCM's final() yields no bytes: it only checks the tag (and throws when it does not match).
  const rest = decipher.final();
  return rest.length === 0 ? plain : Buffer.concat([plain, rest]);
}

export const newNonceBase = () => randomBytes(12);

/**
 * Encrypts a plaintext stream chunk by chunk. A full chunk is held back until more bytes (or the
 * end) show whether it is the last, so the final flag is always right.
 */
export class EncryptStream extends Transform {
  private readonly pending = new ChunkGatherer();
  private index = 0;

  constructor(
    private readonly key: Buffer,
    private readonly base: Buffer,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.pending.push(chunk);
    while (this.pending.length > CHUNK_BYTES) {
      this.push(sealChunk(this.key, this.base, this.index++, false, this.pending.take(CHUNK_BYTES)));
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    this.push(sealChunk(this.key, this.base, this.index++, true, this.pending.take(CHUNK_BYTES)));
    done();
  }
}

/**
 * Decrypts stored chunks `first`…`last` of an object of `size` plaintext bytes (the stream must
 * start at chunk `first`), yielding plaintext; fails on any tampered, reordered or cut chunk.
 */
export class DecryptStream extends Transform {
  private readonly pending = new ChunkGatherer();
  private index: number;
  private readonly finalIndex: number;

  constructor(
    private readonly key: Buffer,
    private readonly base: Buffer,
    first: number,
    private readonly last: number,
    size: number,
  ) {
    super();
    this.index = first;
    this.finalIndex = chunkCount(size) - 1;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.pending.push(chunk);
    try {
      while (this.pending.length >= STORED_CHUNK_BYTES && this.index <= this.last) {
        this.push(this.open(this.pending.take(STORED_CHUNK_BYTES)));
      }
      done();
    } catch (err) {
      done(err as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      if (this.index <= this.last) this.push(this.open(this.pending.take(STORED_CHUNK_BYTES)));
      if (this.index <= this.last) {
        throw new DomainError('DependencyUnavailable', 'The stored object is truncated', { chunk: this.index });
      }
      done();
    } catch (err) {
      done(err as Error);
    }
  }

  private open(sealed: Buffer): Buffer {
    let plain: Buffer;
    try {
      plain = openChunk(this.key, this.base, this.index, this.index === this.finalIndex, sealed);
    } catch {
      // Altered, moved or cut in the store: the store returned bytes that are not what was written.
      throw new DomainError('DependencyUnavailable', 'The stored object failed its integrity check', {
        chunk: this.index,
      });
    }
    this.index++;
    return plain;
  }
}
