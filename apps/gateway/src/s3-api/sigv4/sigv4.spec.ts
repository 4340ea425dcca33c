import { DomainError, Principal } from '@mp/contracts';
import type { IncomingMessage } from 'node:http';
import { PassThrough, Readable } from 'node:stream';
import { AwsChunkedDecoder } from './aws-chunked.decoder';
import { canonicalRequest, credentialScope, signHex, signingKey, stringToSign } from './sigv4-signing';
import { verifySigV4 } from './sigv4-verifier';

// Values of the AWS documentation: "Signature Version 4 test suite" (get-vanilla) and the S3 API
// reference's SigV4 examples ("Examples: Signature calculations", "Signature calculation for
// streaming uploads", "Query string authentication").
const SUITE_SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const S3_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const S3_TIME = Date.parse('2013-05-24T00:00:00Z');
const principal: Principal = { key_id: 'k', team_id: 't', user_id: null, kind: 'kikaku_s3' };

function request(method: string, url: string, headers: Record<string, string>): IncomingMessage {
  return { method, url, headers } as unknown as IncomingMessage;
}

const settings = (now = S3_TIME, secret = S3_SECRET) => ({
  region: 'us-east-1',
  maxSkewSeconds: 900,
  now: () => now,
  resolve: async (id: string) => {
    if (id !== 'AKIAIOSFODNN7EXAMPLE') throw new DomainError('InvalidAccessKeyId', 'unknown');
    return { secret_access_key: secret, principal };
  },
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (err) {
    return (err as DomainError).code;
  }
}

describe('SigV4 against the AWS documentation vectors', () => {
  it('get-vanilla of the test suite', () => {
    const canonical = canonicalRequest({
      method: 'GET',
      uri: '/',
      querystring: '',
      signedHeaders: ['host', 'x-amz-date'],
      headers: { host: 'example.amazonaws.com', 'x-amz-date': '20150830T123600Z' },
      payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    });
    const scope = credentialScope('20150830', 'us-east-1', 'service');
    const key = signingKey(SUITE_SECRET, '20150830', 'us-east-1', 'service');
    expect(signHex(key, stringToSign('20150830T123600Z', scope, canonical))).toBe(
      '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
  });

  const getObject = (signature: string, extra: Record<string, string> = {}) =>
    request('GET', '/test.txt', {
      host: 'examplebucket.s3.amazonaws.com',
      range: 'bytes=0-9',
      'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'x-amz-date': '20130524T000000Z',
      authorization: `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=${signature}`,
      ...extra,
    });
  const GET_SIGNATURE = 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41';

  it('GET Object with a Range (Authorization header)', async () => {
    const verified = await verifySigV4(getObject(GET_SIGNATURE), settings());
    expect(verified).toEqual({
      principal,
      payload: { kind: 'sha256', hash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
    });
  });

  it('refuses a wrong secret, a changed header, an unknown key, another region and a skewed clock', async () => {
    expect(await codeOf(verifySigV4(getObject(GET_SIGNATURE), settings(S3_TIME, 'wrong')))).toBe(
      'SignatureDoesNotMatch',
    );
    expect(await codeOf(verifySigV4(getObject(GET_SIGNATURE, { range: 'bytes=0-10' }), settings()))).toBe(
      'SignatureDoesNotMatch',
    );
    const unknown = getObject(GET_SIGNATURE);
    unknown.headers.authorization = unknown.headers.authorization!.replace('AKIAIOSFODNN7EXAMPLE', 'AKIAOTHER');
    expect(await codeOf(verifySigV4(unknown, settings()))).toBe('InvalidAccessKeyId');
    const region = getObject(GET_SIGNATURE);
    region.headers.authorization = region.headers.authorization!.replace('us-east-1', 'eu-west-1');
    expect(await codeOf(verifySigV4(region, settings()))).toBe('AuthorizationHeaderMalformed');
    expect(await codeOf(verifySigV4(getObject(GET_SIGNATURE), settings(S3_TIME + 16 * 60_000)))).toBe(
      'RequestTimeTooSkewed',
    );
    expect(await codeOf(verifySigV4(getObject(GET_SIGNATURE), settings(S3_TIME + 14 * 60_000)))).toBe('ok');
    expect(await codeOf(verifySigV4(getObject('garbage', { authorization: 'AWS AKIA:abc' }), settings()))).toBe(
      'AuthorizationHeaderMalformed',
    );
  });

  const presigned = (signature: string) =>
    request(
      'GET',
      '/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=' +
        signature,
      { host: 'examplebucket.s3.amazonaws.com' },
    );
  const PRESIGNED_SIGNATURE = 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';

  it('a presigned URL: valid until it expires, refused when tampered', async () => {
    expect((await verifySigV4(presigned(PRESIGNED_SIGNATURE), settings())).payload).toEqual({ kind: 'unsigned' });
    expect(await codeOf(verifySigV4(presigned(PRESIGNED_SIGNATURE), settings(S3_TIME + 86_401_000)))).toBe('Forbidden');
    const tampered = presigned(PRESIGNED_SIGNATURE);
    tampered.url = tampered.url!.replace('/test.txt', '/other.txt');
    expect(await codeOf(verifySigV4(tampered, settings()))).toBe('SignatureDoesNotMatch');
  });

  const CHUNK_SIGNATURES = [
    'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648',
    '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497',
    'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9',
  ];
  const chunkedPut = () =>
    request('PUT', '/examplebucket/chunkObject.txt', {
      host: 's3.amazonaws.com',
      'x-amz-date': '20130524T000000Z',
      'x-amz-storage-class': 'REDUCED_REDUNDANCY',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class,Signature=4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9',
      'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
      'content-encoding': 'aws-chunked',
      'x-amz-decoded-content-length': '66560',
      'content-length': '66824',
    });
  const chunkedBody = (signatures: string[]) =>
    Buffer.concat([
      Buffer.from(`10000;chunk-signature=${signatures[0]}\r\n`),
      Buffer.alloc(65536, 'a'),
      Buffer.from(`\r\n400;chunk-signature=${signatures[1]}\r\n`),
      Buffer.alloc(1024, 'a'),
      Buffer.from(`\r\n0;chunk-signature=${signatures[2]}\r\n\r\n`),
    ]);

  async function decode(body: Buffer, decoder: AwsChunkedDecoder): Promise<Buffer> {
    const out: Buffer[] = [];
    const source = Readable.from([body.subarray(0, 100), body.subarray(100, 65_700), body.subarray(65_700)]);
    const sink = source.pipe(decoder).pipe(new PassThrough());
    source.on('error', (e) => sink.destroy(e));
    decoder.on('error', (e) => sink.destroy(e));
    for await (const chunk of sink) out.push(chunk as Buffer);
    return Buffer.concat(out);
  }

  it('a STREAMING-AWS4-HMAC-SHA256-PAYLOAD upload: the seed signature and every chunk signature', async () => {
    const verified = await verifySigV4(chunkedPut(), settings());
    expect(verified.payload.kind).toBe('aws-chunked');
    const signing = verified.payload.kind === 'aws-chunked' ? verified.payload.signing : undefined;
    const decoded = await decode(chunkedBody(CHUNK_SIGNATURES), new AwsChunkedDecoder(signing, () => undefined));
    expect(decoded.equals(Buffer.alloc(66560, 'a'))).toBe(true);
    const tampered = [CHUNK_SIGNATURES[0], CHUNK_SIGNATURES[2], CHUNK_SIGNATURES[1]];
    await expect(decode(chunkedBody(tampered), new AwsChunkedDecoder(signing, () => undefined))).rejects.toMatchObject({
      code: 'SignatureDoesNotMatch',
    });
  });

  it('an unsigned aws-chunked body with a checksum trailer', async () => {
    let trailers: Record<string, string> = {};
    const body = Buffer.from('5\r\nhello\r\n0\r\nx-amz-checksum-crc32:NhCmhg==\r\n\r\n');
    const decoded = await decode(body, new AwsChunkedDecoder(undefined, (t) => (trailers = t)));
    expect(decoded.toString()).toBe('hello');
    expect(trailers).toEqual({ 'x-amz-checksum-crc32': 'NhCmhg==' });
    await expect(
      decode(Buffer.from('5\r\nhel'), new AwsChunkedDecoder(undefined, () => undefined)),
    ).rejects.toMatchObject({
      code: 'ValidationFailed',
    });
  });
});
