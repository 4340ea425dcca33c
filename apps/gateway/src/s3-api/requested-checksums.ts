import { DomainError } from '@mp/contracts';
import type { FastifyRequest } from 'fastify';
import { ChecksumAlgorithm, isChecksumAlgorithm, isWellFormedChecksum } from './checksum-algorithms';
import { header } from './s3-request.context';

const PREFIX = 'x-amz-checksum-';
/** `x-amz-checksum-*` headers that name no checksum value of the body. */
const NOT_A_VALUE = new Set(['type', 'algorithm', 'mode']);

export interface RequestedChecksums {
  /** Values sent as `x-amz-checksum-<algorithm>` headers. */
  checksums: Partial<Record<ChecksumAlgorithm, string>>;
  /** Algorithms announced in `x-amz-trailer`, whose values come after the body. */
  trailing: ChecksumAlgorithm[];
}

const invalid = (message: string) => new DomainError('ValidationFailed', message, { s3_code: 'InvalidRequest' });

/**
 * The checksums a request promises for its body, refused before a byte is read when S3 would:
 * an algorithm it does not know, or a value that is not the base64 of that algorithm's digest.
 * With `checksumHeadersOfObject` (CompleteMultipartUpload) the headers are left out.
 */
export function requestedChecksums(
  request: FastifyRequest,
  options: { checksumHeadersOfObject?: boolean } = {},
): RequestedChecksums {
  const checksums: Partial<Record<ChecksumAlgorithm, string>> = {};
  if (!options.checksumHeadersOfObject) {
    for (const [name, value] of Object.entries(request.headers)) {
      if (!name.startsWith(PREFIX) || typeof value !== 'string') continue;
      const algorithm = name.slice(PREFIX.length);
      if (NOT_A_VALUE.has(algorithm)) continue;
      if (!isChecksumAlgorithm(algorithm)) throw invalid(`The checksum algorithm of ${name} is not supported.`);
      if (!isWellFormedChecksum(algorithm, value)) throw invalid(`Value for ${name} header is invalid.`);
      checksums[algorithm] = value;
    }
  }
  const trailing: ChecksumAlgorithm[] = [];
  for (const raw of (header(request, 'x-amz-trailer') ?? '').split(',')) {
    const name = raw.trim().toLowerCase();
    if (!name.startsWith(PREFIX)) continue;
    const algorithm = name.slice(PREFIX.length);
    if (!isChecksumAlgorithm(algorithm)) throw invalid(`The checksum algorithm of trailer ${name} is not supported.`);
    trailing.push(algorithm);
  }
  return { checksums, trailing };
}
