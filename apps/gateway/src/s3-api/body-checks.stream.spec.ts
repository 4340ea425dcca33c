import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { BodyChecks, BodyExpectations, checksumHeaders } from './body-checks.stream';
import type { ChecksumAlgorithm } from './checksum-algorithms';

const body = Buffer.from('hello');
const md5 = createHash('md5').update(body).digest('base64');
const sha256 = createHash('sha256').update(body).digest('hex');
/** CRC32C and CRC64NVME of "hello" (from a bit-at-a-time implementation of the reflected polynomials). */
const crc32c = Buffer.from('9a71bb4c', 'hex').toString('base64');
const crc64nvme = Buffer.from('3377857006524257', 'hex').toString('base64');

async function run(expect: BodyExpectations, trailers?: Record<string, string>): Promise<string> {
  const announced = Object.keys(trailers ?? {}).map(
    (name) => name.slice('x-amz-checksum-'.length) as ChecksumAlgorithm,
  );
  const checks = new BodyChecks({ ...expect, trailing: announced });
  if (trailers) checks.expectChecksums(trailers);
  try {
    for await (const chunk of Readable.from([body]).pipe(checks)) void chunk;
    return 'ok';
  } catch (err) {
    return (err as { code: string; details: { s3_code?: string } }).details.s3_code ?? (err as { code: string }).code;
  }
}

describe('BodyChecks', () => {
  it('passes a body matching its length, Content-MD5, signed SHA-256 and checksums', async () => {
    expect(await run({ length: 5, contentMd5: md5, sha256Hex: sha256, checksums: { crc32: 'NhCmhg==' } })).toBe('ok');
    expect(await run({}, { 'x-amz-checksum-sha256': createHash('sha256').update(body).digest('base64') })).toBe('ok');
    expect(await run({}, { 'x-amz-checksum-crc32c': crc32c, 'x-amz-checksum-crc64nvme': crc64nvme })).toBe('ok');
    expect(await run({ sha256Hex: sha256, checksums: { sha256: Buffer.from(sha256, 'hex').toString('base64') } })).toBe(
      'ok',
    );
  });

  it('fails at the end of a body that differs', async () => {
    expect(await run({ length: 6 })).toBe('IncompleteBody');
    expect(await run({ length: 4 })).toBe('IncompleteBody');
    expect(await run({ contentMd5: Buffer.alloc(16).toString('base64') })).toBe('BadDigest');
    expect(await run({ sha256Hex: '0'.repeat(64) })).toBe('XAmzContentSHA256Mismatch');
    expect(await run({}, { 'x-amz-checksum-crc32': 'AAAAAA==' })).toBe('BadDigest');
    expect(await run({ checksums: { crc32c: 'AAAAAA==' } })).toBe('BadDigest');
    expect(await run({}, { 'x-amz-checksum-crc64nvme': 'AAAAAAAAAAA=' })).toBe('BadDigest');
    expect(await run({}, { 'x-amz-checksum-crc32c': crc64nvme })).toBe('BadDigest');
  });

  it('refuses a trailer it was not told of, and a body missing the trailer it announced', async () => {
    const checks = async (announced: ChecksumAlgorithm[], trailers: Record<string, string>) => {
      const stream = new BodyChecks({ trailing: announced });
      stream.expectChecksums(trailers);
      return (async () => {
        for await (const chunk of Readable.from([body]).pipe(stream)) void chunk;
      })().then(
        () => 'ok',
        (err: { code: string; details: { s3_code?: string } }) => err.details.s3_code ?? err.code,
      );
    };
    expect(await checks(['crc32c'], { 'x-amz-checksum-crc32c': crc32c })).toBe('ok');
    expect(await checks([], { 'x-amz-checksum-crc32c': crc32c })).toBe('BadDigest');
    expect(await checks(['crc64nvme'], {})).toBe('InvalidRequest');
  });

  it('reports the checksums it verified as the response headers S3 echoes', async () => {
    const checks = new BodyChecks({ checksums: { crc32c }, contentMd5: md5 });
    for await (const chunk of Readable.from([body]).pipe(checks)) void chunk;
    expect(checksumHeaders(checks.verified)).toEqual({ 'x-amz-checksum-crc32c': crc32c });
  });

  it('holds its last chunk back until the checks pass, so a failing body never reaches its full length', async () => {
    const chunks = [Buffer.from('he'), Buffer.from('ll'), Buffer.from('o')];
    const passed = async (expect: BodyExpectations) => {
      const checks = new BodyChecks(expect);
      let bytes = 0;
      // Flowing, as a store's request reads it: every byte let through is counted, also before an error.
      checks.on('data', (chunk: Buffer) => (bytes += chunk.length));
      const outcome = await new Promise<string>((resolve) => {
        checks.once('end', () => resolve('ok'));
        checks.once('error', (err: Error & { code?: string }) => resolve(err.code ?? err.message));
        Readable.from(chunks).pipe(checks);
      });
      return { outcome, bytes };
    };
    expect(await passed({ length: 5, contentMd5: md5 })).toEqual({ outcome: 'ok', bytes: 5 });
    expect(await passed({ length: 5, contentMd5: Buffer.alloc(16).toString('base64') })).toEqual({
      outcome: 'BadDigest',
      bytes: 4,
    });
  });

  it('computes the MD5 once when it is wanted anyway (a part’s ETag), checking a Content-MD5 with it', async () => {
    const hex = createHash('md5').update(body).digest('hex');
    const wanted = new BodyChecks({ computeMd5: true });
    for await (const chunk of Readable.from([body]).pipe(wanted)) void chunk;
    expect(wanted.md5Hex).toBe(hex);
    expect(await run({ computeMd5: true, contentMd5: md5 })).toBe('ok');
    expect(await run({ computeMd5: true, contentMd5: Buffer.alloc(16).toString('base64') })).toBe('BadDigest');
    expect(new BodyChecks({}).md5Hex).toBeUndefined();
  });
});
