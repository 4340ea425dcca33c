import { Crc32c, Crc64Nvme } from '@aws-sdk/checksums/crc';
import { createHash, Hash } from 'node:crypto';
import { crc32 } from 'node:zlib';

/** S3's additional checksums (`x-amz-checksum-<name>`, base64) and their digest lengths in bytes. */
const DIGEST_BYTES = { crc32: 4, crc32c: 4, crc64nvme: 8, sha1: 20, sha256: 32 } as const;

export type ChecksumAlgorithm = keyof typeof DIGEST_BYTES;

/** A checksum computed as the body streams, read once at its end. */
export interface RunningChecksum {
  update(chunk: Buffer): void;
  digest(): Promise<Buffer>;
}

export function isChecksumAlgorithm(name: string): name is ChecksumAlgorithm {
  return Object.hasOwn(DIGEST_BYTES, name);
}

/** Canonical base64 of exactly the algorithm's digest length: what S3 takes in a header or trailer. */
export function isWellFormedChecksum(algorithm: ChecksumAlgorithm, value: string): boolean {
  const decoded = Buffer.from(value, 'base64');
  return decoded.length === DIGEST_BYTES[algorithm] && decoded.toString('base64') === value;
}

export function runningChecksum(algorithm: ChecksumAlgorithm): RunningChecksum {
  switch (algorithm) {
    case 'crc32':
      return new ZlibCrc32();
    case 'sha1':
    case 'sha256':
      return new NodeHash(createHash(algorithm));
    case 'crc32c':
      return new SdkChecksum(new Crc32c());
    case 'crc64nvme':
      return new SdkChecksum(new Crc64Nvme());
  }
}

class ZlibCrc32 implements RunningChecksum {
  private value = 0;

  update(chunk: Buffer): void {
    this.value = crc32(chunk, this.value);
  }

  async digest(): Promise<Buffer> {
    const out = Buffer.alloc(4);
    out.writeUInt32BE(this.value >>> 0);
    return out;
  }
}

/** A node:crypto hash; digested once, the value kept for every reader. */
class NodeHash implements RunningChecksum {
  private value?: Buffer;

  constructor(private readonly hash: Hash) {}

  update(chunk: Buffer): void {
    this.hash.update(chunk);
  }

  async digest(): Promise<Buffer> {
    this.value ??= this.hash.digest();
    return this.value;
  }
}

/** The AWS SDK's own CRC32C and CRC64NVME (the implementations its clients compute them with). */
class SdkChecksum implements RunningChecksum {
  constructor(private readonly checksum: { update(data: Uint8Array): void; digest(): Promise<Uint8Array> }) {}

  update(chunk: Buffer): void {
    this.checksum.update(chunk);
  }

  async digest(): Promise<Buffer> {
    return Buffer.from(await this.checksum.digest());
  }
}
