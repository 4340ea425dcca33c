import { parseS3Target } from './s3-request.context';
import { virtualHostBucket } from './s3-virtual-host';

const BUCKET = 'kikaku-0f6e2b1c-5d4a-4e3b-9c2d-1a0b9c8d7e6f';

describe('virtual-hosted-style addressing', () => {
  it('takes the bucket from <bucket>.<base>, with or without a port, in any case', () => {
    expect(virtualHostBucket(`${BUCKET}.api.example.com`, 'api.example.com')).toBe(BUCKET);
    expect(virtualHostBucket(`${BUCKET}.localhost:8080`, 'localhost')).toBe(BUCKET);
    expect(virtualHostBucket(`${BUCKET.toUpperCase()}.API.example.com`, 'api.example.com')).toBe(BUCKET);
  });

  it('leaves every other host to path style', () => {
    expect(virtualHostBucket('api.example.com', 'api.example.com')).toBeUndefined();
    expect(virtualHostBucket('api.example.com:443', 'api.example.com')).toBeUndefined();
    expect(virtualHostBucket(`a.${BUCKET}.api.example.com`, 'api.example.com')).toBeUndefined();
    expect(virtualHostBucket(`${BUCKET}.evil-api.example.com`, 'api.example.com')).toBeUndefined();
    expect(virtualHostBucket(`${BUCKET}.api.example.com`, undefined)).toBeUndefined();
    expect(virtualHostBucket(undefined, 'api.example.com')).toBeUndefined();
  });

  it('reads the whole path under /s3-api as the key of the host’s bucket', () => {
    expect(parseS3Target('/s3-api/dir/a%20b.txt?x=1', BUCKET)).toEqual({ bucket: BUCKET, key: 'dir/a b.txt' });
    expect(parseS3Target('/s3-api/?list-type=2', BUCKET)).toEqual({ bucket: BUCKET });
    expect(parseS3Target('/s3-api', BUCKET)).toEqual({ bucket: BUCKET });
    expect(parseS3Target(`/s3-api/${BUCKET}/dir/a.txt`)).toEqual({ bucket: BUCKET, key: 'dir/a.txt' });
  });
});
