import { DomainError, Principal } from '@mp/contracts';
import type { IncomingMessage } from 'node:http';
import { isSigV2Query, verifySigV2Query } from './sigv2-query';

// Written by `aws s3 presign "s3://kikaku-abc/photos/my puppy.jpg" --endpoint-url http://127.0.0.1:8080/s3-api`
// (AWS CLI 1.45.11 / botocore 1.43, us-east-1) with the secret below; the CLI v2 signs it with SigV4.
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const PRESIGNED =
  '/s3-api/kikaku-abc/photos/my%20puppy.jpg?AWSAccessKeyId=AKIDEXAMPLE&Signature=C4LbL26dGeMteM3O8lyzMRboh1c%3D&Expires=1796355603';
const EXPIRES_MS = 1796355603 * 1000;
const principal = { key_id: 'k', team_id: 't', user_id: null, kind: 'kikaku_s3' } as Principal;

const request = (url: string, method = 'GET', headers: Record<string, string> = {}) =>
  ({ url, method, headers }) as unknown as IncomingMessage;
const queryOf = (url: string) => new URL(url, 'http://x').searchParams;
const verify = (url: string, options: { method?: string; nowMs?: number } = {}) =>
  verifySigV2Query(request(url, options.method), queryOf(url), '/s3-api', {
    region: 'us-east-1',
    maxSkewSeconds: 900,
    now: () => options.nowMs ?? EXPIRES_MS - 60_000,
    resolve: (id) =>
      id === 'AKIDEXAMPLE'
        ? Promise.resolve({ secret_access_key: SECRET, principal })
        : Promise.reject(new DomainError('InvalidAccessKeyId', 'unknown')),
  });
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (e: DomainError) => e.code,
  );

describe('SigV2 presigned GET (`aws s3 presign` of the AWS CLI v1)', () => {
  it('is recognised by its three query parameters', () => {
    expect(isSigV2Query(queryOf(PRESIGNED))).toBe(true);
    expect(isSigV2Query(queryOf('/s3-api/b/k?X-Amz-Signature=x'))).toBe(false);
  });

  it("accepts the real client's URL and answers its key's principal", async () => {
    await expect(verify(PRESIGNED)).resolves.toEqual({ principal, payload: { kind: 'unsigned' } });
  });

  it('refuses another object, a changed signature, another key, other methods and an expired URL', async () => {
    await expect(codeOf(verify(PRESIGNED.replace('puppy', 'kitten')))).resolves.toBe('SignatureDoesNotMatch');
    await expect(codeOf(verify(PRESIGNED.replace('C4Lb', 'D4Lb')))).resolves.toBe('SignatureDoesNotMatch');
    await expect(codeOf(verify(PRESIGNED.replace('AKIDEXAMPLE', 'AKIDOTHER')))).resolves.toBe('InvalidAccessKeyId');
    // The method is signed: a URL presigned for GET does not serve a HEAD (as on S3).
    await expect(codeOf(verify(PRESIGNED, { method: 'HEAD' }))).resolves.toBe('SignatureDoesNotMatch');
    await expect(codeOf(verify(PRESIGNED, { method: 'PUT' }))).resolves.toBe('Forbidden');
    await expect(codeOf(verify(PRESIGNED, { nowMs: EXPIRES_MS + 1000 }))).resolves.toBe('Forbidden');
    await expect(codeOf(verify(PRESIGNED.replace('Expires=1796355603', 'Expires=soon')))).resolves.toBe(
      'AuthorizationHeaderMalformed',
    );
  });

  it('refuses a URL valid for more than 7 days', async () => {
    await expect(codeOf(verify(PRESIGNED, { nowMs: EXPIRES_MS - 8 * 24 * 3600_000 }))).resolves.toBe('Forbidden');
  });
});
