import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { PostPolicyRequest, signPolicy, verifyPostPolicy } from './post-policy.verifier';

const ACCESS_KEY_ID = 'AKIDEXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const NOW = new Date('2026-11-22T10:00:00Z');

function policyFields(document: object, overrides: Record<string, string> = {}): Map<string, string> {
  const policy = Buffer.from(JSON.stringify(document)).toString('base64');
  const fields: Record<string, string> = {
    key: 'uploads/a.png',
    'content-type': 'image/png',
    'x-amz-algorithm': 'AWS4-HMAC-SHA256',
    'x-amz-credential': `${ACCESS_KEY_ID}/20261122/eu-west-1/s3/aws4_request`,
    'x-amz-date': '20261122T100000Z',
    policy,
    'x-amz-signature': signPolicy(policy, { secret: SECRET, date: '20261122', region: 'eu-west-1' }),
    ...overrides,
  };
  return new Map(Object.entries(fields));
}

const document = {
  expiration: '2026-11-22T10:05:00Z',
  conditions: [
    ['content-length-range', 0, 100],
    ['eq', '$key', 'uploads/a.png'],
    ['starts-with', '$Content-Type', 'image/'],
    { bucket: 'media' },
    { 'X-Amz-Algorithm': 'AWS4-HMAC-SHA256' },
    { 'X-Amz-Credential': `${ACCESS_KEY_ID}/20261122/eu-west-1/s3/aws4_request` },
    { 'X-Amz-Date': '20261122T100000Z' },
  ],
};

function verify(fields: Map<string, string>, overrides: Partial<PostPolicyRequest> = {}) {
  return verifyPostPolicy({
    fields,
    bucket: 'media',
    now: NOW,
    secretFor: (id) => (id === ACCESS_KEY_ID ? SECRET : undefined),
    ...overrides,
  });
}

describe('verifyPostPolicy', () => {
  it('accepts a valid policy, ignoring content-length-range', () => {
    expect(verify(policyFields(document))).toBeNull();
  });

  it('accepts the fields the AWS SDK produces', async () => {
    const client = new S3Client({
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9',
      forcePathStyle: true,
      credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET },
    });
    const { fields } = await createPresignedPost(client, {
      Bucket: 'media',
      Key: 'k.png',
      Conditions: [
        ['content-length-range', 0, 10],
        ['eq', '$Content-Type', 'image/png'],
      ],
      Fields: { 'Content-Type': 'image/png' },
      Expires: 60,
    });
    client.destroy();
    const lowerCased = new Map(Object.entries(fields).map(([name, value]) => [name.toLowerCase(), value]));
    expect(
      verifyPostPolicy({ fields: lowerCased, bucket: 'media', now: new Date(), secretFor: () => SECRET }),
    ).toBeNull();
    expect(
      verifyPostPolicy({ fields: lowerCased, bucket: 'other', now: new Date(), secretFor: () => SECRET })?.code,
    ).toBe('AccessDenied');
  });

  it('refuses a wrong signature, secret or unknown key', () => {
    const fields = policyFields(document);
    const signature = fields.get('x-amz-signature')!;
    expect(
      verify(policyFields(document, { 'x-amz-signature': signature.replace(/^./, signature[0] === '0' ? '1' : '0') })),
    ).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(verify(fields, { secretFor: () => 'other secret' })).toMatchObject({
      status: 403,
      code: 'SignatureDoesNotMatch',
    });
    expect(verify(fields, { secretFor: () => undefined })).toMatchObject({ status: 403, code: 'InvalidAccessKeyId' });
  });

  it('refuses a policy whose signed content was changed', () => {
    const fields = policyFields(document);
    const forged = Buffer.from(JSON.stringify({ ...document, expiration: '2030-01-01T00:00:00Z' })).toString('base64');
    expect(verify(new Map([...fields, ['policy', forged]]))).toMatchObject({ code: 'SignatureDoesNotMatch' });
  });

  it('refuses missing or malformed credentials', () => {
    for (const missing of ['policy', 'x-amz-signature', 'x-amz-credential', 'x-amz-date', 'x-amz-algorithm']) {
      const fields = policyFields(document);
      fields.delete(missing);
      expect({ missing, rejection: verify(fields)?.code }).toEqual({ missing, rejection: 'AccessDenied' });
    }
    expect(verify(policyFields(document, { 'x-amz-algorithm': 'AWS4-HMAC-SHA1' }))?.code).toBe('AccessDenied');
    expect(verify(policyFields(document, { 'x-amz-date': '20261121T100000Z' }))?.code).toBe('AccessDenied');
    expect(
      verify(policyFields(document, { 'x-amz-credential': `${ACCESS_KEY_ID}/20261122/eu-west-1/sqs/aws4_request` }))
        ?.code,
    ).toBe('AccessDenied');
  });

  it('refuses fields no condition covers, as S3 does ("Extra input fields"), but x-ignore-*', () => {
    for (const extra of ['success_action_redirect', 'content-disposition', 'cache-control', 'x-amz-meta-owner']) {
      expect(verify(policyFields(document, { [extra]: 'http://127.0.0.1:1/' }))).toMatchObject({
        status: 403,
        code: 'AccessDenied',
        message: `Invalid according to Policy: Extra input fields: ${extra}`,
      });
    }
    expect(verify(policyFields(document, { 'x-ignore-tracking': '1' }))).toBeNull();
  });

  it('refuses an expired policy', () => {
    expect(verify(policyFields(document), { now: new Date('2026-11-22T10:05:01Z') })).toMatchObject({
      status: 403,
      code: 'AccessDenied',
      message: expect.stringContaining('expired'),
    });
  });

  it('enforces eq and starts-with conditions, field names case-insensitively, $bucket against the path', () => {
    expect(verify(policyFields(document, { key: 'uploads/b.png' }))?.message).toContain('$key');
    expect(verify(policyFields(document, { 'content-type': 'text/html' }))?.message).toContain('$content-type');
    expect(verify(policyFields(document), { bucket: 'elsewhere' })?.message).toContain('$bucket');
    const missingField = policyFields(document);
    missingField.delete('content-type');
    expect(verify(missingField)?.code).toBe('AccessDenied');
  });

  it('refuses undecodable or ill-formed policy documents', () => {
    for (const bad of [
      { conditions: [] },
      { expiration: 'soon', conditions: [] },
      { expiration: document.expiration },
      { ...document, conditions: [['in', '$key', 'a']] },
      { ...document, conditions: [{ key: 1 }] },
    ]) {
      expect(verify(policyFields(bad))).toMatchObject({ status: 400, code: 'InvalidPolicyDocument' });
    }
  });
});
