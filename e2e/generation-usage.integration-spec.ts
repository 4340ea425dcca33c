import { platformSuite, TEST_ADMIN_TOKEN, waitFor } from '@mp/testing';

type ErrorBody = { error: { code: string; message: string } };
type Usage = {
  owner_name: string | null;
  quota_limit: number;
  used_count: number;
  remaining: number;
  status: string;
  created_at: string;
  expires_at: string | null;
  stats: { total_requests: number; successful_requests: number; failed_requests: number; avg_response_time_ms: number };
};
type Logs = {
  logs: Array<{
    id: number;
    model: string | null;
    timestamp: string;
    status: string;
    response_time_ms: number;
    error_message: string | null;
  }>;
  pagination: { page: number; limit: number; total: number };
};
type Gallery = {
  images: Array<{ id: number; prompt: string; model: string; s3_url: string; image_size: string; created_at: string }>;
  pagination: { page: number; limit: number; total: number };
};

/** Seed 002's `/v1/usage`, `/v1/logs`, `/v1/gallery` and the key quota, through real processes. */
describe('AI Image usage, logs, gallery and quota (seed 002, real processes)', () => {
  const suite = platformSuite({
    apps: ['quota-billing', 'generation-broker', 'files', 'gateway'],
    env: { GENERATION_RATE_LIMIT: '1000' },
    teams: { usage: ['kikaku'], quota: ['kikaku'], other: ['kikaku', 'kikaku_s3'] },
  });
  const key = (team: 'usage' | 'quota' | 'other') => suite.team(team).keys.kikaku!.key!;
  const get = (path: string, team: 'usage' | 'quota' | 'other' = 'usage') =>
    fetch(`${suite.gatewayUrl}${path}`, { headers: { authorization: `Bearer ${key(team)}` } });
  const generate = (body: unknown, team: 'usage' | 'quota' | 'other' = 'usage') =>
    fetch(`${suite.gatewayUrl}/v1/images/generations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key(team)}` },
      body: JSON.stringify(body),
    });
  const patchKey = (teamId: string, keyId: string, body: unknown) =>
    fetch(`${suite.gatewayUrl}/admin/v1/teams/${teamId}/api-keys/${keyId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const refused = async (res: Response, status: number) => {
    expect(res.status).toBe(status);
    return ((await res.json()) as ErrorBody).error;
  };
  const small = { model: 'seedream-4.0', size: '1024x1024', response_format: 'url', watermark: false };

  it('two generations and a refused one: /v1/usage counts and stats, /v1/logs shows all three, the gallery both images', async () => {
    expect((await generate({ ...small, prompt: 'A magical forest with glowing mushrooms' })).status).toBe(200);
    expect((await generate({ ...small, prompt: 'A lighthouse at dusk', size: '1K' })).status).toBe(200);
    expect((await refused(await generate({ model: 'seedream-4.0' }), 400)).code).toBe('MissingParameter');

    const usage = await waitFor(async () => {
      const body = (await (await get('/v1/usage')).json()) as Usage;
      return body.stats.total_requests === 3 && body;
    });
    expect(usage).toMatchObject({
      owner_name: null,
      quota_limit: 1000,
      used_count: 2,
      remaining: 998,
      status: 'active',
      expires_at: null,
      stats: { total_requests: 3, successful_requests: 2, failed_requests: 1 },
    });
    expect(usage.stats.avg_response_time_ms).toBeGreaterThanOrEqual(0);
    expect(Date.parse(usage.created_at)).not.toBeNaN();

    const logs = (await (await get('/v1/logs')).json()) as Logs;
    expect(logs.pagination).toEqual({ page: 1, limit: 20, total: 3 });
    expect(logs.logs.map((l) => l.status)).toEqual(['failed', 'success', 'success']);
    expect(logs.logs[0]).toMatchObject({ model: 'seedream-4.0', error_message: 'prompt is required' });
    expect(logs.logs.every((l) => Number.isInteger(l.id) && l.model === 'seedream-4.0')).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    const dayBefore = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const todays = (await (await get(`/v1/logs?start_date=${today}&end_date=${today}&limit=2`)).json()) as Logs;
    expect(todays.pagination).toEqual({ page: 1, limit: 2, total: 3 });
    expect(todays.logs).toHaveLength(2);
    const earlier = (await (await get(`/v1/logs?end_date=${dayBefore}`)).json()) as Logs;
    expect(earlier.pagination.total).toBe(0);

    const gallery = await waitFor(async () => {
      const body = (await (await get('/v1/gallery')).json()) as Gallery;
      return body.pagination.total === 2 && body;
    });
    expect(gallery.images.map((i) => [i.prompt, i.image_size, i.model])).toEqual([
      ['A lighthouse at dusk', '1K', 'seedream-4.0'],
      ['A magical forest with glowing mushrooms', '1024x1024', 'seedream-4.0'],
    ]);
    const image = await fetch(gallery.images[0].s3_url);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toContain('image/jpeg');
    const elsewhere = (await (await get('/v1/gallery', 'other')).json()) as Gallery;
    expect(elsewhere.pagination.total).toBe(0);
  });

  it('bad paging and dates are 400 InvalidParameter in the dialect shape', async () => {
    for (const query of [
      'limit=101',
      'limit=0',
      'page=0',
      'page=abc',
      'start_date=2025-13-01',
      'start_date=2025-02-01&end_date=2025-01-31',
    ]) {
      const error = await refused(await get(`/v1/logs?${query}`), 400);
      expect(error.code).toBe('InvalidParameter');
    }
    expect((await refused(await get('/v1/gallery?limit=101'), 400)).message).toContain('limit must be at most 100');
    expect((await get('/v1/logs?start_date=2025-01-01T00:00:00Z&end_date=2025-01-01')).status).toBe(200);
    expect((await refused(await get('/v1/usage/extra'), 404)).code).toBe('NotFound');
    expect((await fetch(`${suite.gatewayUrl}/v1/usage`)).status).toBe(401);
  });

  it('quota exhausted after PATCH quota_limit, then suspended: 403 in the dialect shape; another team’s PATCH is 404', async () => {
    const team = suite.team('quota');
    const keyId = team.keys.kikaku!.id;
    const patched = await patchKey(team.teamId, keyId, {
      quota_limit: 1,
      owner_name: 'John Doe',
      email: 'john@example.com',
    });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { ai_image: { quota_limit: number } }).ai_image.quota_limit).toBe(1);

    expect((await generate({ ...small, prompt: 'One image' }, 'quota')).status).toBe(200);
    const exhausted = await refused(await generate({ ...small, prompt: 'One too many' }, 'quota'), 403);
    expect(exhausted).toMatchObject({ code: 'QuotaExceeded', message: expect.stringContaining('Quota exhausted') });
    const usage = (await (await get('/v1/usage', 'quota')).json()) as Usage;
    expect(usage).toMatchObject({ owner_name: 'John Doe', quota_limit: 1, used_count: 1, remaining: 0 });

    expect((await patchKey(team.teamId, keyId, { quota_limit: 10, status: 'suspended' })).status).toBe(200);
    const suspended = await refused(await generate({ ...small, prompt: 'Suspended' }, 'quota'), 403);
    expect(suspended.code).toBe('KeySuspended');
    expect(((await (await get('/v1/usage', 'quota')).json()) as Usage).status).toBe('suspended');

    const listed = await fetch(`${suite.gatewayUrl}/admin/v1/teams/${team.teamId}/api-keys`, {
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    });
    const { keys } = (await listed.json()) as { keys: Array<{ id: string; ai_image?: { status: string } }> };
    expect(keys.find((k) => k.id === keyId)!.ai_image!.status).toBe('suspended');

    const other = suite.team('other');
    expect((await refused(await patchKey(other.teamId, keyId, { quota_limit: 5 }), 404)).code).toBe('ApiKeyNotFound');
    expect((await patchKey(other.teamId, other.keys.kikaku_s3!.id, { quota_limit: 5 })).status).toBe(404);
    expect((await patchKey(team.teamId, keyId, { quota_limit: -1 })).status).toBe(400);
    expect((await patchKey(team.teamId, keyId, {})).status).toBe(400);
    expect((await patchKey(team.teamId, keyId, { expires_at: 'tomorrow' })).status).toBe(400);
  });
});
