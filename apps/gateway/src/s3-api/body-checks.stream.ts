import { DomainError } from '@mp/contracts';
import { createHash, Hash } from 'node:crypto';
import { Transform, TransformCallback } from 'node:stream';
import { ChecksumAlgorithm, isChecksumAlgorithm, RunningChecksum, runningChecksum } from './checksum-algorithms';

/** What a body must turn out to be; checked when its last byte has passed, before the stream ends. */
export interface BodyExpectations {
  /** Exact length (Content-Length, or x-amz-decoded-content-length of an aws-chunked body). */
  length?: number;
  /** Base64 MD5 (Content-MD5). */
  contentMd5?: string;
  /** The MD5 is wanted anyway (a part's ETag): computed once, `md5Hex` at the end, checked against a Content-MD5. */
  computeMd5?: boolean;
  /** Hex SHA-256 the signature covered (x-amz-content-sha256). */
  sha256Hex?: string;
  /** `x-amz-checksum-<algorithm>` values sent as headers; trailers are added with `expectChecksums`. */
  checksums?: Partial<Record<ChecksumAlgorithm, string>>;
  /** Checksums announced as trailers (`x-amz-trailer`), computed so that they can be checked at the end. */
  trailing?: ChecksumAlgorithm[];
}

/**
 * Passes a body through unchanged while measuring it with the digests the request promised (and
 * only those): its length, Content-MD5, the signed SHA-256 and the `x-amz-checksum-*` CRC32,
 * CRC32C, CRC64NVME, SHA-1 and SHA-256. Its last chunk is held back until the checks pass; a
 * mismatch fails the stream instead, so a store reading it (one PutObject of the declared length)
 * never gets the whole object and never completes it.
 */
export class BodyChecks extends Transform {
  private readonly md5?: Hash;
  private readonly payloadSha256?: RunningChecksum;
  private readonly running = new Map<ChecksumAlgorithm, RunningChecksum>();
  private bytes = 0;
  private held?: Buffer;
  private readonly claimed: Record<string, string>;
  private verifiedChecksums: Partial<Record<ChecksumAlgorithm, string>> = {};
  private md5Digest?: Buffer;

  constructor(private readonly expect: BodyExpectations) {
    super();
    this.claimed = { ...expect.checksums };
    if (expect.contentMd5 !== undefined || expect.computeMd5) this.md5 = createHash('md5');
    if (expect.sha256Hex !== undefined) this.payloadSha256 = runningChecksum('sha256');
    const wanted = new Set([...(Object.keys(this.claimed) as ChecksumAlgorithm[]), ...(expect.trailing ?? [])]);
    for (const algorithm of wanted) {
      // The signed payload's SHA-256 is the checksum's too: the body is hashed once.
      const reused = algorithm === 'sha256' ? this.payloadSha256 : undefined;
      this.running.set(algorithm, reused ?? runningChecksum(algorithm));
    }
  }

  /** Trailing checksums of an aws-chunked body (called before this stream's end). */
  expectChecksums(trailers: Record<string, string>): void {
    for (const [name, value] of Object.entries(trailers)) {
      if (name.startsWith('x-amz-checksum-')) this.claimed[name.slice('x-amz-checksum-'.length)] = value;
    }
  }

  get size(): number {
    return this.bytes;
  }

  /** The body's MD5 in hex once it has ended, when it was computed (Content-MD5 or `computeMd5`). */
  get md5Hex(): string | undefined {
    return this.md5Digest?.toString('hex');
  }

  /** The `x-amz-checksum-*` values the body was verified against (once it has ended), as S3 echoes them. */
  get verified(): Partial<Record<ChecksumAlgorithm, string>> {
    return this.verifiedChecksums;
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
    if (this.payloadSha256 && !this.running.has('sha256')) this.payloadSha256.update(chunk);
    for (const checksum of this.running.values()) checksum.update(chunk);
    const previous = this.held;
    this.held = chunk;
    callback(null, previous);
  }

  override _flush(callback: TransformCallback): void {
    this.verify().then(
      () => callback(null, this.held),
      (err: Error) => callback(err),
    );
  }

  private async verify(): Promise<void> {
    if (this.expect.length !== undefined && this.bytes !== this.expect.length) {
      throw new DomainError(
        'ValidationFailed',
        'You did not provide the number of bytes specified by the Content-Length HTTP header.',
        { s3_code: 'IncompleteBody' },
      );
    }
    this.md5Digest = this.md5?.digest();
    if (this.expect.contentMd5 !== undefined && this.expect.contentMd5 !== this.md5Digest?.toString('base64')) {
      throw new DomainError('BadDigest', 'The Content-MD5 you specified did not match what we received.');
    }
    if (
      this.payloadSha256 &&
      this.expect.sha256Hex?.toLowerCase() !== (await this.payloadSha256.digest()).toString('hex')
    ) {
      throw new DomainError(
        'ValidationFailed',
        "The provided 'x-amz-content-sha256' header does not match what was computed.",
        { s3_code: 'XAmzContentSHA256Mismatch' },
      );
    }
    const missing = this.expect.trailing?.find((algorithm) => this.claimed[algorithm] === undefined);
    if (missing !== undefined) {
      throw new DomainError(
        'ValidationFailed',
        `x-amz-trailer announced x-amz-checksum-${missing}, which the body did not carry.`,
        { s3_code: 'InvalidRequest' },
      );
    }
    const verified: Partial<Record<ChecksumAlgorithm, string>> = {};
    for (const [name, value] of Object.entries(this.claimed)) {
      // A checksum not announced (header or x-amz-trailer) was not computed: S3 refuses it too.
      const running = isChecksumAlgorithm(name) ? this.running.get(name) : undefined;
      if (!running || (await running.digest()).toString('base64') !== value) {
        throw new DomainError(
          'BadDigest',
          `The ${name.toUpperCase()} you specified did not match the calculated checksum.`,
        );
      }
      verified[name as ChecksumAlgorithm] = value;
    }
    this.verifiedChecksums = verified;
  }
}

/** Verified checksums as the response headers S3 answers a PutObject or UploadPart with. */
export function checksumHeaders(verified: Partial<Record<ChecksumAlgorithm, string>> = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(verified).map(([algorithm, value]) => [`x-amz-checksum-${algorithm}`, value]),
  );
}
