import { TEST_ADMIN_TOKEN } from '@mp/testing';
import { dialectPlatformSuite } from './support/dialect-platform';

type Call = { method: string; path: string; headers?: Record<string, string>; json?: unknown; form?: string };

/**
 * Issue 9, item 4: NUL and unpaired surrogates in text fields reached Postgres (which refuses both
 * in text) and came back as 500s on many routes. One input rule refuses them with the dialect's 400.
 */
describe('NUL and lone surrogates are refused with the dialect’s own 400', () => {
  const platform = dialectPlatformSuite('unicode-input');

  const send = async ({ method, path, headers = {}, json, form }: Call) => {
    const res = await fetch(`${platform().gatewayUrl}${path}`, {
      method,
      headers: {
        ...headers,
        ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(form !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: json !== undefined ? JSON.stringify(json) : form,
    });
    return { status: res.status, body: (await res.json().catch(() => undefined)) as Record<string, unknown> };
  };

  const storage = () => platform().credentials('storage');
  const admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

  it.each([
    [
      'upload-url folder "\\ud800"',
      { method: 'POST', path: '/v1/files/upload-url', json: { filename: 'a.png', folder: '\ud800' } },
    ],
    [
      'upload-url metadata value "\\u0000"',
      {
        method: 'POST',
        path: '/v1/files/upload-url',
        json: { filename: 'a.png', folder: 'f', metadata: { note: '\u0000' } },
      },
    ],
    [
      'search filters.folder "\\u0000"',
      { method: 'POST', path: '/v1/files/storage/search', json: { filters: { folder: '\u0000' } } },
    ],
    [
      'PATCH object_key with NUL',
      {
        method: 'PATCH',
        path: '/v1/files/storage/file/metadata',
        json: { object_key: 'a\u0000b', metadata: { x: 'y' } },
      },
    ],
    [
      'PATCH value with NUL',
      {
        method: 'PATCH',
        path: '/v1/files/storage/file/metadata',
        json: { object_key: 'f/a.png', metadata: { x: '\u0000' } },
      },
    ],
    ['DELETE ?object_key=%00', { method: 'DELETE', path: '/v1/files/storage/file?object_key=%00' }],
  ] as [string, Call][])('storage: %s → 400 {detail}', async (_what, call) => {
    const r = await send({ ...call, headers: storage() });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ detail: expect.any(String) });
  });

  it('admin: NUL in name on teams, users, keys, organizations → 400 {error}', async () => {
    const team = platform().team.teamId;
    for (const path of [
      '/admin/v1/teams',
      `/admin/v1/teams/${team}/users`,
      `/admin/v1/teams/${team}/api-keys`,
      `/admin/v1/teams/${team}/organizations`,
    ]) {
      const r = await send({
        method: 'POST',
        path,
        headers: admin,
        json: { name: 'x\u0000y', kind: 'cdt', email: 'a@b.c' },
      });
      expect({ path, status: r.status }).toEqual({ path, status: 400 });
      expect(r.body).toMatchObject({ error: { code: 'ValidationFailed' } });
    }
  });

  it('image: PUT operations description "\\u0000" → header.isSuccessful false, not resultCode 500', async () => {
    const appKey = platform().team.keys.image!.app_key!;
    const r = await send({
      method: 'PUT',
      path: `/image/v2.0/appkeys/${appKey}/operations/nul`,
      headers: platform().credentials('image'),
      json: { description: '\u0000', realtimeService: false, data: [{ templateOperationId: 'gray', option: {} }] },
    });
    expect(r.status).toBe(200);
    expect(r.body.header).toMatchObject({ isSuccessful: false, resultCode: 400 });
  });

  it('image: GET /image/files/{appKey}/a%00b/… → the image dialect’s refusal, not 503', async () => {
    const appKey = platform().team.keys.image!.app_key!;
    const res = await fetch(`${platform().gatewayUrl}/image/files/${appKey}/a%00b/c.png`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { header: unknown }).header).toMatchObject({ isSuccessful: false, resultCode: 400 });
  });

  it('media: login username=%00 and attachments?entity_id=%00 → 4xx {detail}', async () => {
    const login = await send({ method: 'POST', path: '/api/v1/login/access-token', form: 'username=%00&password=x' });
    expect([400, 401, 422]).toContain(login.status);
    expect(login.body).toMatchObject({ detail: expect.anything() });
    const list = await send({
      method: 'GET',
      path: '/api/v1/media-resources/attachments?entity_type=product&entity_id=%00',
      headers: platform().credentials('media'),
    });
    expect([400, 422]).toContain(list.status);
    expect(list.body).toMatchObject({ detail: expect.anything() });
  });
});
