import { DomainError } from '@mp/contracts';
import { createHash, Hash } from 'node:crypto';
import { Transform, TransformCallback } from 'node:stream';
import { crc32 } from 'node:zlib';

/** What a body must turn out to be; checked when its last byte has passed, before the stream ends. */
export interface BodyExpectations {
  /** Exact length (Content-Length, or x-amz-decoded-content-length of an aws-chunked body). */
  length?: number;
  /** Base64 MD5 (Content-MD5). */
  contentMd5?: string;
  /** Hex SHA-256 the signature covered (x-amz-content-sha256). */
  sha256Hex?: string;
  /** `x-amz-checksum-<algorithm>` values sent as headers; trailers are added with `expectChecksums`. */
  checksums?: Record<string, string>;
  /** Checksums announced as trailers (`x-amz-trailer`), computed so that they can be checked at the end. */
  trailing?: string[];
}

/** Checksums verified here; others (crc32c, crc64nvme) are accepted unverified. */
const VERIFIED = ['crc32', 'sha1', 'sha256'] as const;

/**
 * Passes a body through unchanged while measuring it with the digests the request promised (and
 * only those). Its last chunk is held back until the checks pass; a mismatch fails the stream
 * instead, so a store reading it (one PutObject of the declared length) never gets the whole
 * object and never completes it.
 */
export class BodyChecks extends Transform {
  private readonly md5?: Hash;
  private readonly sha256?: Hash;
  private readonly sha1?: Hash;
  private readonly crc32: boolean;
  private crc = 0;
  private bytes = 0;
  private held?: Buffer;
  private checksums: Record<string, string>;

  constructor(private readonly expect: BodyExpectations) {
    super();
    this.checksums = { ...expect.checksums };
    const wanted = new Set([...Object.keys(this.checksums), ...(expect.trailing ?? [])]);
    if (expect.contentMd5 !== undefined) this.md5 = createHash('md5');
    if (expect.sha256Hex !== undefined || wanted.has('sha256')) this.sha256 = createHash('sha256');
    if (wanted.has('sha1')) this.sha1 = createHash('sha1');
    this.crc32 = wanted.has('crc32');
  }

  /** Trailing checksums of an aws-chunked body (called before this stream's end). */
  expectChecksums(trailers: Record<string, string>): void {
    for (const [name, value] of Object.entries(trailers)) {
      if (name.startsWith('x-amz-checksum-')) this.checksums[name.slice('x-amz-checksum-'.length)] = value;
    }
  }

  get size(): number {
    return this.bytes;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.expect.length !== undefined && this.bytes > this.expect.length) {
      return callback(
        new DomainError('ValidationFailed', 'The body is longer than its declared length.', {
          s3_code: 'IncompleteBody',
        }),
      );
    }
    this.md5?.update(chunk);
    this.sha256?.update(chunk);
    this.sha1?.update(chunk);
    if (this.crc32) this.crc = crc32(chunk, this.crc);
    const previous = this.held;
    this.held = chunk;
    callback(null, previous);
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.verify();
    } catch (err) {
      return callback(err as Error);
    }
    callback(null, this.held);
  }

  private verify(): void {
    const sha256 = this.sha256?.digest();
    if (this.expect.length !== undefined && this.bytes !== this.expect.length) {
      throw new DomainError(
        'ValidationFailed',
        'You did not provide the number of bytes specified by the Content-Length HTTP header.',
        { s3_code: 'IncompleteBody' },
      );
    }
    if (this.md5 && this.expect.contentMd5 !== this.md5.digest('base64')) {
      throw new DomainError('BadDigest', 'The Content-MD5 you specified did not match what we received.');
    }
    if (this.expect.sha256Hex !== undefined && this.expect.sha256Hex.toLowerCase() !== sha256?.toString('hex')) {
      throw new DomainError(
        'ValidationFailed',
        "The provided 'x-amz-content-sha256' header does not match what was computed.",
        {
          s3_code: 'XAmzContentSHA256Mismatch',
        },
      );
    }
    const crcBytes = Buffer.alloc(4);
    crcBytes.writeUInt32BE(this.crc >>> 0);
    const actual: Record<(typeof VERIFIED)[number], string | undefined> = {
      crc32: this.crc32 ? crcBytes.toString('base64') : undefined,
      sha1: this.sha1?.digest('base64'),
      sha256: sha256?.toString('base64'),
    };
    for (const algorithm of VERIFIED) {
      const claimed = this.checksums[algorithm];
      // A trailer the request did not announce in x-amz-trailer was not computed: S3 refuses those too.
      if (claimed !== undefined && claimed !== actual[algorithm]) {
        throw new DomainError(
          'BadDigest',
          `The ${algorithm.toUpperCase()} you specified did not match the calculated checksum.`,
        );
      }
    }
  }
}
