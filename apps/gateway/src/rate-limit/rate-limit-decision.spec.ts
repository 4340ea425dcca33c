import { decide } from './rate-limit-decision';

describe('decide', () => {
  const policy = { limit: 3, windowSeconds: 60 };

  it('allows up to the limit and counts down the remaining requests', () => {
    expect(decide(policy, 1, 60_000)).toEqual({
      allowed: true,
      resetSeconds: 60,
      headers: { 'x-ratelimit-limit': '3', 'x-ratelimit-remaining': '2', 'x-ratelimit-reset': '60' },
    });
    const last = decide(policy, 3, 12_345);
    expect(last.allowed).toBe(true);
    expect(last.headers['x-ratelimit-remaining']).toBe('0');
    expect(last.headers['retry-after']).toBeUndefined();
  });

  it('refuses past the limit with Retry-After rounded up to whole seconds', () => {
    const refused = decide(policy, 4, 1_001);
    expect(refused.allowed).toBe(false);
    expect(refused.headers).toEqual({
      'x-ratelimit-limit': '3',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '2',
      'retry-after': '2',
    });
  });

  it('never tells a client to retry in 0 seconds', () => {
    expect(decide(policy, 9, 0).headers['retry-after']).toBe('1');
  });
});
