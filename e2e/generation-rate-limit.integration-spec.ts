import { platformSuite } from '@mp/testing';

/** Seed 002: "Rate limit: 10 req/menit per key" — here 3 per minute, through every gateway route of the key. */
describe('AI Image API rate limit (sliding window per key, real processes)', () => {
  const suite = platformSuite({
    apps: ['quota-billing', 'generation-broker', 'gateway'],
    env: { GENERATION_RATE_LIMIT: '3', GENERATION_READ_RATE_LIMIT: '2' },
    teams: { 'gen-rl-a': ['kikaku'], 'gen-rl-b': ['kikaku'], 'gen-rl-c': ['kikaku'] },
  });
  const post = (team: 'gen-rl-a' | 'gen-rl-b' | 'gen-rl-c') =>
    fetch(`${suite.gatewayUrl}/v1/images/generations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${suite.team(team).keys.kikaku!.key!}` },
      body: JSON.stringify({ model: 'seedream-4.0', prompt: 'x', size: '5K' }),
    });

  it('counts every request of the key, says so in X-RateLimit-*, and answers the 4th with 429 + Retry-After', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await post('gen-rl-a'));
    expect(answers.map((r) => r.status)).toEqual([400, 400, 400, 429]);
    expect(answers.map((r) => r.headers.get('x-ratelimit-remaining'))).toEqual(['2', '1', '0', '0']);
    expect(answers[0].headers.get('x-ratelimit-limit')).toBe('3');
    const limited = answers[3];
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.json()).toEqual({
      error: { code: 'RateLimited', message: expect.stringContaining('at most 3 requests per 60 s') },
    });
    expect((await post('gen-rl-b')).status).toBe(400);
  });

  it('reads (/v1/usage, /v1/logs, /v1/gallery) count in a window of their own, not in the generations one', async () => {
    const read = (path: string) =>
      fetch(`${suite.gatewayUrl}${path}`, {
        headers: { authorization: `Bearer ${suite.team('gen-rl-c').keys.kikaku!.key!}` },
      });
    const answers = [await read('/v1/usage'), await read('/v1/gallery'), await read('/v1/logs')];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 429]);
    expect(answers[0].headers.get('x-ratelimit-limit')).toBe('2');
    expect(Number(answers[2].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const generation = await post('gen-rl-c');
    expect(generation.status).toBe(400);
    expect(generation.headers.get('x-ratelimit-remaining')).toBe('2');
  });
});
