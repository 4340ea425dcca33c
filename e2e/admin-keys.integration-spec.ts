import { platformSuite, TEST_ADMIN_TOKEN, waitFor } from '@mp/testing';

type Json = Record<string, unknown>;

describe('admin API and key lifecycle through the gateway (real processes)', () => {
  const suite = platformSuite({
    apps: ['quota-billing', 'files', 'search-indexer', 'gateway'],
    env: { KEY_CACHE_TTL_MS: '2000' },
  });
  let admin: (method: string, path: string, body?: unknown, token?: string) => Promise<{ status: number; body: Json }>;

  beforeAll(() => {
    admin = async (method, path, body, token = TEST_ADMIN_TOKEN) => {
      const res = await fetch(`${suite.gatewayUrl}/admin/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Json };
    };
  });

  const search = (key: string) =>
    fetch(`${suite.gatewayUrl}/v1/files/storage/search`, {
      method: 'POST',
      headers: { 'X-API-Key': key, 'Content-Type': 'application/json' },
      body: JSON.stringify({ filters: {} }),
    });

  it('refuses the admin API without the admin token', async () => {
    expect((await admin('POST', '/teams', { name: 'x' }, 'wrong')).status).toBe(401);
    const res = await fetch(`${suite.gatewayUrl}/admin/v1/teams`);
    expect(res.status).toBe(401);
  });

  it('creates a team and one key of every kind, plaintext shown once and never listed', async () => {
    const team = await admin('POST', '/teams', { name: 'Acme' });
    expect(team).toMatchObject({ status: 201, body: { id: expect.any(String), name: 'Acme' } });
    const teamId = team.body.id as string;

    const created: Record<string, Json> = {};
    for (const kind of ['cdt', 'kikaku', 'kikaku_s3', 'image', 'bucket']) {
      const res = await admin('POST', `/teams/${teamId}/api-keys`, { kind });
      expect(res.status).toBe(201);
      created[kind] = res.body;
    }
    expect(created.cdt).toMatchObject({ kind: 'cdt', key: expect.stringMatching(/^cdt_/) });
    expect(created.kikaku).toMatchObject({ kind: 'kikaku', key: expect.stringMatching(/^kikaku_(?!s3_)/) });
    expect(created.kikaku_s3).toMatchObject({ kind: 'kikaku_s3', key: expect.stringMatching(/^kikaku_s3_/) });
    expect(created.image).toMatchObject({ kind: 'image', app_key: expect.any(String), secret_key: expect.any(String) });
    expect(created.bucket).toMatchObject({ kind: 'bucket', key: expect.stringMatching(/^bkt_/) });

    const listed = await admin('GET', `/teams/${teamId}/api-keys`);
    expect(listed.status).toBe(200);
    const keys = listed.body.keys as Json[];
    expect(keys.map((k) => k.kind).sort()).toEqual(['bucket', 'cdt', 'image', 'kikaku', 'kikaku_s3']);
    const serialized = JSON.stringify(listed.body);
    for (const kind of ['cdt', 'kikaku', 'kikaku_s3', 'bucket'])
      expect(serialized).not.toContain(created[kind].key as string);
    expect(serialized).not.toContain(created.image.secret_key as string);
  });

  it('stops accepting a revoked key within seconds', async () => {
    const team = await admin('POST', '/teams', { name: 'Revokers' });
    const key = await admin('POST', `/teams/${team.body.id as string}/api-keys`, { kind: 'cdt' });
    const plaintext = key.body.key as string;
    expect((await search(plaintext)).status).toBe(200);

    const revoked = await admin('DELETE', `/teams/${team.body.id as string}/api-keys/${key.body.id as string}`);
    expect(revoked.status).toBe(200);
    const started = Date.now();
    const refused = await waitFor(
      async () => {
        const res = await search(plaintext);
        return res.status === 401 ? res : undefined;
      },
      { timeoutMs: 10_000, intervalMs: 200 },
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await refused.json()).toMatchObject({ error: { code: 'InvalidApiKey' } });
  });

  it('answers bad admin input with 4xx, never 500', async () => {
    expect((await admin('POST', '/teams', {})).status).toBe(400);
    expect((await admin('POST', '/teams', { name: '' })).status).toBe(400);
    expect((await admin('GET', '/teams/not-a-uuid')).status).toBe(400);
    expect((await admin('GET', '/teams/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const team = await admin('POST', '/teams', { name: 'Validators' });
    expect((await admin('POST', `/teams/${team.body.id as string}/api-keys`, { kind: 'root' })).status).toBe(400);
    expect((await admin('POST', '/teams/00000000-0000-4000-8000-000000000000/api-keys', { kind: 'cdt' })).status).toBe(
      404,
    );
    expect(
      (await admin('DELETE', `/teams/${team.body.id as string}/api-keys/00000000-0000-4000-8000-000000000000`)).status,
    ).toBe(404);
  });
});
