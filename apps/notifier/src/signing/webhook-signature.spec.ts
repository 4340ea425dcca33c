import { createHmac } from 'node:crypto';
import { generateSigningSecret, secretHint, signingKey, signPayload, webhookHeaders } from './webhook-signature';

describe('webhook signature (Standard Webhooks v1)', () => {
  it('generates whsec_ secrets of 32 random bytes', () => {
    const a = generateSigningSecret();
    const b = generateSigningSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(signingKey(a)).toHaveLength(32);
    expect(a).not.toBe(b);
  });

  it('matches the Standard Webhooks reference vector', () => {
    // From the Standard Webhooks specification's examples.
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = '{"test": 2432232314}';
    expect(signPayload(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, body)).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('signs "<id>.<timestamp>.<body>" with the decoded key', () => {
    const secret = generateSigningSecret();
    const expected = createHmac('sha256', Buffer.from(secret.slice(6), 'base64'))
      .update('d1.1700000000.{"a":1}')
      .digest('base64');
    expect(signPayload(secret, 'd1', 1700000000, '{"a":1}')).toBe(`v1,${expected}`);
    expect(signPayload(secret, 'd1', 1700000001, '{"a":1}')).not.toBe(`v1,${expected}`);
    expect(signPayload(secret, 'd1', 1700000000, '{"a":2}')).not.toBe(`v1,${expected}`);
  });

  it('builds the three headers and a hint that does not reveal the secret', () => {
    const secret = generateSigningSecret();
    const headers = webhookHeaders(secret, 'id-1', 42, '{}');
    expect(Object.keys(headers).sort()).toEqual(['webhook-id', 'webhook-signature', 'webhook-timestamp']);
    expect(headers).toMatchObject({ 'webhook-id': 'id-1', 'webhook-timestamp': '42' });
    expect(secretHint(secret)).toBe(`whsec_…${secret.slice(-4)}`);
    expect(() => signingKey('not-a-secret')).toThrow();
  });
});
