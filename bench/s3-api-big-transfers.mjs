// The 1 GB phase of the s3-api bench (BENCH_S3_BIG_MB): gateway RSS growth while an object of that
// size goes up through /s3-api as a stream (unsigned payload), while a range of it comes back, and
// while it goes up once more from a buffer (signed payload: the gateway hashes it all with SHA-256).
// The streamed PUT and the GET hold nothing: a repeated random MiB is sent, what is read is counted.
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';

const MIB = 2 ** 20;

/** `bytes` bytes of a repeated random MiB, produced as they are read. */
function generatedBody(bytes) {
  const block = randomBytes(MIB);
  let left = bytes;
  return new Readable({
    read() {
      if (left === 0) return void this.push(null);
      const n = Math.min(left, block.length);
      left -= n;
      this.push(n === block.length ? block : block.subarray(0, n));
    },
  });
}

/**
 * PUT of `megabytes` MiB, then a ranged GET of all but its first byte, then a PUT of a buffer of
 * that size, each timed with the gateway's peak RSS growth (`timed` is the bench's sampler).
 */
export async function bigTransfers({ s3, bucket }, megabytes, timed) {
  const bytes = megabytes * MIB;
  const key = 'big.bin';
  const put = await timed(bytes, () =>
    s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: generatedBody(bytes), ContentLength: bytes })),
  );
  const rangedGet = await timed(bytes - 1, async () => {
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: 'bytes=1-' }));
    let n = 0;
    for await (const chunk of out.Body) n += chunk.length;
    if (n !== bytes - 1) throw new Error(`short ranged read: ${n} of ${bytes - 1}`);
  });
  const buffer = Buffer.alloc(bytes, randomBytes(MIB));
  const signedPut = await timed(bytes, () =>
    s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${key}.signed`, Body: buffer })),
  );
  return {
    object_mb: megabytes,
    put,
    ranged_get: { range: 'bytes=1-', ...rangedGet },
    put_signed_from_buffer: signedPut,
  };
}
