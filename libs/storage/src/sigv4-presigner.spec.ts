import { PresignRequest, SigV4Presigner } from './sigv4-presigner';

// The credentials and expected signature of the presigned-URL example in AWS's "Authenticating
// Requests: Using Query Parameters (AWS Signature Version 4)" documentation.
const example = {
  publicEndpoint: 'https://s3.amazonaws.com',
  region: 'us-east-1',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  bucket: 'examplebucket',
  forcePathStyle: false,
};

describe('SigV4Presigner', () => {
  it('reproduces the AWS documentation example of a presigned GET', () => {
    const url = new URL(
      new SigV4Presigner(example).presignUrl({
        method: 'GET',
        key: 'test.txt',
        expiresInSeconds: 86400,
        now: new Date('2013-05-24T00:00:00Z'),
      }),
    );
    expect(url.host).toBe('examplebucket.s3.amazonaws.com');
    expect(url.pathname).toBe('/test.txt');
    expect(url.searchParams.get('X-Amz-Credential')).toBe('AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
    expect(url.searchParams.get('X-Amz-Signature')).toBe(
      'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
    );
  });

  it('addresses the bucket by path when asked and keeps the endpoint port', () => {
    const presigner = new SigV4Presigner({ ...example, publicEndpoint: 'http://127.0.0.1:9000', forcePathStyle: true });
    const url = new URL(presigner.presignUrl({ method: 'GET', key: 'a b/ü+1.png', expiresInSeconds: 60 }));
    expect(url.host).toBe('127.0.0.1:9000');
    expect(url.pathname).toBe('/examplebucket/a%20b/%C3%BC%2B1.png');
  });

  it('reads the object key back from its own URLs only', () => {
    const presigner = new SigV4Presigner({ ...example, publicEndpoint: 'http://127.0.0.1:9000', forcePathStyle: true });
    const url = presigner.presignUrl({ method: 'GET', key: 'aiapi/t1/a b/ü+1.png', expiresInSeconds: 60 });
    expect(presigner.objectKeyOf(url)).toBe('aiapi/t1/a b/ü+1.png');
    expect(presigner.objectKeyOf('http://127.0.0.1:9000/examplebucket/k.png')).toBe('k.png');
    expect(presigner.objectKeyOf('http://127.0.0.1:9000/otherbucket/k.png')).toBeUndefined();
    expect(presigner.objectKeyOf('http://127.0.0.1:9001/examplebucket/k.png')).toBeUndefined();
    expect(presigner.objectKeyOf('https://cdn.example.com/examplebucket/k.png')).toBeUndefined();
    expect(presigner.objectKeyOf('http://127.0.0.1:9000/examplebucket/')).toBeUndefined();
    expect(presigner.objectKeyOf('http://127.0.0.1:9000/examplebucket/%E0%A4%A')).toBeUndefined();
    expect(presigner.objectKeyOf('not a url')).toBeUndefined();
    const virtual = new SigV4Presigner(example);
    expect(virtual.objectKeyOf('https://examplebucket.s3.amazonaws.com/x/y.jpg?X-Amz-Signature=1')).toBe('x/y.jpg');
  });

  it('signs required headers and extra query parameters', () => {
    const presigner = new SigV4Presigner(example);
    const presign = (request: Omit<PresignRequest, 'key' | 'expiresInSeconds' | 'now'>) =>
      new URL(
        presigner.presignUrl({ key: 'k', expiresInSeconds: 60, now: new Date('2013-05-24T00:00:00Z'), ...request }),
      );
    const put = presign({ method: 'PUT', signedHeaders: { 'content-type': 'image/png' } });
    expect(put.searchParams.get('X-Amz-SignedHeaders')).toBe('content-type;host');
    const other = presign({ method: 'PUT', signedHeaders: { 'content-type': 'image/jpeg' } });
    expect(other.searchParams.get('X-Amz-Signature')).not.toBe(put.searchParams.get('X-Amz-Signature'));
    const get = presign({ method: 'GET', query: { 'response-content-disposition': 'attachment; filename="a.png"' } });
    expect(get.searchParams.get('response-content-disposition')).toBe('attachment; filename="a.png"');
  });

  it('builds a POST policy carrying the caller conditions, the bucket and the credentials', () => {
    const presigner = new SigV4Presigner({ ...example, sessionToken: 'token' });
    const now = new Date('2013-05-24T00:00:00Z');
    const { url, fields } = presigner.presignPost([['eq', '$key', 'a/b.png']], 3600, now);
    expect(url).toBe('https://examplebucket.s3.amazonaws.com');
    const policy = JSON.parse(Buffer.from(fields.Policy, 'base64').toString()) as {
      expiration: string;
      conditions: unknown[];
    };
    expect(policy.expiration).toBe('2013-05-24T01:00:00Z');
    expect(policy.conditions).toEqual([
      ['eq', '$key', 'a/b.png'],
      { bucket: 'examplebucket' },
      { 'X-Amz-Algorithm': 'AWS4-HMAC-SHA256' },
      { 'X-Amz-Credential': 'AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request' },
      { 'X-Amz-Date': '20130524T000000Z' },
      { 'X-Amz-Security-Token': 'token' },
    ]);
    expect(fields['X-Amz-Signature']).toMatch(/^[0-9a-f]{64}$/);
  });
});
