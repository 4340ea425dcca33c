import type { S3ClientCredentials } from '@mp/contracts';
// The SDK here is a customer's client of the /s3-api endpoint, not the platform's store adapter.
// eslint-disable-next-line no-restricted-imports
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ClientConfig,
  S3ServiceException,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { platformSuite } from '@mp/testing';
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { customerS3Clients, s3CredentialsOf } from './support/customer-s3-clients';

const MB = 1024 * 1024;

/** A CRC32C that is wrong for every body: what a client whose bytes changed on the way would have sent. */
class TamperedCrc32c {
  update(): void {}
  async digest(): Promise<Uint8Array> {
    return Uint8Array.from([1, 2, 3, 4]);
  }
  reset(): void {}
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * A body is stored whole and as its client meant it, or not at all. The checksums current AWS SDKs add (`ChecksumAlgorithm`): CRC32C and CRC64NVME as a header for a
 * buffered body and as an aws-chunked trailer for a streamed one, verified before the object is
 * committed — a mismatch is 400 BadDigest with nothing stored and the quota untouched; a client
 * gone mid-body leaves no object and no reservation.
 */
describe('S3 protocol endpoint: body integrity — flexible checksums from @aws-sdk/client-s3, cut-off bodies', () => {
  const suite = platformSuite({
    apps: ['quota-billing', 'gateway'],
    env: { S3_CREDENTIALS_MASTER_KEY: randomBytes(32).toString('base64') },
    teams: { 'team-a': ['kikaku_s3'] },
  });
  let creds: S3ClientCredentials;
  let key: string;
  const clientOf = customerS3Clients(suite);
  const client = (extra: Partial<S3ClientConfig> = {}) => clientOf(creds, extra);
  const usage = async () =>
    (await (await fetch(`${suite.gatewayUrl}/s3/usage`, { headers: { authorization: `Bearer ${key}` } })).json()) as {
      used_bytes: number;
      reserved_bytes: number;
      file_count: number;
    };
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => 'stored',
      (err: S3ServiceException) => `${err.name} ${err.$metadata?.httpStatusCode}`,
    );
  const absent = async (s3: S3Client, name: string) =>
    refusal(s3.send(new HeadObjectCommand({ Bucket: creds.bucket, Key: name })));
  const read = async (s3: S3Client, name: string) => {
    const out = await s3.send(new GetObjectCommand({ Bucket: creds.bucket, Key: name }));
    return Buffer.from(await out.Body!.transformToByteArray());
  };

  beforeAll(async () => {
    key = suite.team('team-a').keys.kikaku_s3!.key!;
    creds = await s3CredentialsOf(suite.gatewayUrl, key);
  });

  it('CRC32C and CRC64NVME, as headers (buffered body) and as aws-chunked trailers (streamed body), are verified and echoed', async () => {
    const s3 = client();
    // How each checksum travelled, as the SDK signed and sent it.
    const sent: Record<string, string | undefined>[] = [];
    s3.middlewareStack.add(
      (next) => async (args) => {
        const headers = (args.request as { headers: Record<string, string> }).headers;
        sent.push({ trailer: headers['x-amz-trailer'], payload: headers['x-amz-content-sha256'] });
        return next(args);
      },
      { step: 'finalizeRequest', priority: 'low' },
    );
    const body = randomBytes(300 * 1024);
    for (const algorithm of ['CRC32C', 'CRC64NVME', 'CRC32', 'SHA1', 'SHA256'] as const) {
      const buffered = await s3.send(
        new PutObjectCommand({ Bucket: creds.bucket, Key: `h-${algorithm}`, Body: body, ChecksumAlgorithm: algorithm }),
      );
      const streamed = await s3.send(
        new PutObjectCommand({
          Bucket: creds.bucket,
          Key: `t-${algorithm}`,
          Body: Readable.from([body.subarray(0, 100_000), body.subarray(100_000)]),
          ContentLength: body.length,
          ChecksumAlgorithm: algorithm,
        }),
      );
      const [header, trailer] = sent.splice(0).slice(-2);
      expect(header.trailer).toBeUndefined();
      expect(trailer).toEqual({
        trailer: `x-amz-checksum-${algorithm.toLowerCase()}`,
        payload: 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
      });
      const field = `Checksum${algorithm}` as const;
      expect(buffered[field]).toMatch(/^[A-Za-z0-9+/]+=*$/);
      expect(streamed[field]).toBe(buffered[field]);
      expect(sha(await read(s3, `h-${algorithm}`))).toBe(sha(body));
      expect(sha(await read(s3, `t-${algorithm}`))).toBe(sha(body));
    }
    expect(await usage()).toMatchObject({ file_count: 10, used_bytes: 10 * body.length, reserved_bytes: 0 });
  }, 60_000);

  it('a CRC32C that does not match is 400 BadDigest, header or trailer, small or 6 MB; nothing stored, usage unchanged', async () => {
    const before = await usage();
    const tampered = client({ checksumAlgorithms: { CRC32C: TamperedCrc32c } });
    const small = randomBytes(1000);
    const large = randomBytes(6 * MB);
    const cases: [string, ConstructorParameters<typeof PutObjectCommand>[0]][] = [
      ['header', { Bucket: creds.bucket, Key: 'bad-header', Body: small }],
      ['header-6mb', { Bucket: creds.bucket, Key: 'bad-header-6mb', Body: large }],
      [
        'trailer',
        { Bucket: creds.bucket, Key: 'bad-trailer', Body: Readable.from([small]), ContentLength: small.length },
      ],
      [
        'trailer-6mb',
        { Bucket: creds.bucket, Key: 'bad-trailer-6mb', Body: Readable.from([large]), ContentLength: large.length },
      ],
    ];
    for (const [name, input] of cases) {
      expect([
        name,
        await refusal(tampered.send(new PutObjectCommand({ ...input, ChecksumAlgorithm: 'CRC32C' }))),
      ]).toEqual([name, 'BadDigest 400']);
      expect([name, await absent(tampered, input.Key!)]).toEqual([name, 'NotFound 404']);
    }
    // A value given by the caller is sent as is: a wrong one, and one that is no CRC32C at all.
    const s3 = client();
    const stated = (value: string) =>
      refusal(
        s3.send(new PutObjectCommand({ Bucket: creds.bucket, Key: 'stated', Body: small, ChecksumCRC32C: value })),
      );
    expect(await stated('AAAAAA==')).toBe('BadDigest 400');
    expect(await stated('AAAAAAAAAAA=')).toBe('InvalidRequest 400');
    expect(await absent(s3, 'stated')).toBe('NotFound 404');
    expect(await usage()).toEqual(before);
  }, 60_000);

  it('UploadPart checks its part checksum; a tampered part is BadDigest and the upload completes from the good parts', async () => {
    const s3 = client();
    const tampered = client({ checksumAlgorithms: { CRC32C: TamperedCrc32c } });
    const { UploadId } = await s3.send(
      new CreateMultipartUploadCommand({ Bucket: creds.bucket, Key: 'mp.bin', ChecksumAlgorithm: 'CRC32C' }),
    );
    const part = randomBytes(5 * MB);
    const input = {
      Bucket: creds.bucket,
      Key: 'mp.bin',
      UploadId,
      PartNumber: 1,
      Body: part,
      ChecksumAlgorithm: 'CRC32C' as const,
    };
    expect(await refusal(tampered.send(new UploadPartCommand(input)))).toBe('BadDigest 400');
    const good = await s3.send(new UploadPartCommand(input));
    expect(good.ChecksumCRC32C).toMatch(/^[A-Za-z0-9+/]{6}==$/);
    await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: creds.bucket,
        Key: 'mp.bin',
        UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: good.ETag, ChecksumCRC32C: good.ChecksumCRC32C }] },
      }),
    );
    expect(sha(await read(s3, 'mp.bin'))).toBe(sha(part));
  }, 60_000);

  it('a client that disconnects mid-body leaves no object, and its reservation is given back', async () => {
    const s3 = client();
    const cut = new AbortController();
    let sent = 0;
    const body = new Readable({
      read() {
        if (sent >= 3 * MB) return cut.abort(); // gone after 3 of the 10 MB it declared
        sent += 64 * 1024;
        this.push(Buffer.alloc(64 * 1024, 7));
      },
    });
    const put = s3.send(
      new PutObjectCommand({ Bucket: creds.bucket, Key: 'cut.bin', Body: body, ContentLength: 10 * MB }),
      { abortSignal: cut.signal },
    );
    expect(await refusal(put)).toMatch(/^AbortError/);
    let after = await usage();
    for (let i = 0; i < 40 && after.reserved_bytes !== 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await usage();
    }
    expect(after.reserved_bytes).toBe(0);
    expect(await absent(s3, 'cut.bin')).toBe('NotFound 404');
  }, 30_000);
});
