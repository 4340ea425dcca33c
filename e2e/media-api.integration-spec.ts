import { platformSuite, solidPng, TEST_ADMIN_TOKEN, waitFor } from '@mp/testing';
import { createHmac } from 'node:crypto';
import { Client } from 'pg';

/** Seed 003 (FastAPI-style media API) driven over HTTP as its clients do; real processes throughout. */

const TOKEN_SECRET = 'e2e-media-api-token-secret-0123456789abcdef';
const admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' };

type Detail = { detail: string | Array<{ loc: Array<string | number>; msg: string; type: string }> };

/** An HS256 JWT made by hand (not with gateway code), to prove what the gateway accepts. */
function handMadeToken(payload: Record<string, unknown>, secret = TOKEN_SECRET): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

describe('media API (seed 003) through the gateway', () => {
  const suite = platformSuite({
    apps: ['quota-billing', 'files', 'image-ops', 'gateway'],
    env: {
      AUTH_TOKEN_SECRET: TOKEN_SECRET,
      AUTH_ACCESS_TTL_SECONDS: '600',
      AUTH_STATUS_CACHE_MS: '200',
      RECONCILE_INTERVAL_MS: '1000',
    },
    startTimeoutMs: 120_000,
  });
  let db: Client;
  suite.beforeStop(() => db?.end());
  let base: string;
  let teamId: string;
  let otherTeamId: string;
  const users: Record<string, { id: string; username: string; password: string; token: string }> = {};
  let orgId: string;
  let otherTeamOrgId: string;

  async function adminPost<T>(path: string, body: unknown, expected = 201): Promise<T> {
    const res = await fetch(`${base}${path}`, { method: 'POST', headers: admin, body: JSON.stringify(body) });
    const text = await res.text();
    if (res.status !== expected) throw new Error(`${path}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  }

  async function login(username: string, password: string): Promise<Response> {
    return fetch(`${base}/api/v1/login/access-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', username, password }).toString(),
    });
  }

  async function createUser(name: string, team: string, superuser = false) {
    const username = `${name}@example.com`;
    const password = `pw-${name}-0123456789`;
    const account = await adminPost<{ id: string }>(`/admin/v1/teams/${team}/accounts`, {
      username,
      password,
      is_superuser: superuser,
    });
    const res = await login(username, password);
    expect(res.status).toBe(200);
    const token = ((await res.json()) as { access_token: string }).access_token;
    users[name] = { id: account.id, username, password, token };
  }

  const bearer = (name: string) => ({
    authorization: `Bearer ${users[name].token}`,
    'content-type': 'application/json',
  });

  async function api(
    name: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    const headers = body === undefined ? { authorization: `Bearer ${users[name].token}` } : bearer(name);
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  }

  async function presign(name: string, body: Record<string, unknown>) {
    return api(name, 'POST', '/api/v1/uploads/presigned-url', body);
  }

  async function fileStatus(
    objectKey: string,
  ): Promise<{ status: string; team_id: string; user_id: string; content_type: string | null } | undefined> {
    const { rows } = await db.query(
      'SELECT status, team_id, user_id, content_type FROM files.files WHERE object_key = $1',
      [objectKey],
    );
    return rows[0];
  }

  async function conversions(format: string): Promise<number> {
    const text = await (await fetch(`${suite.platform.url('image-ops')}/metrics`)).text();
    const line = text
      .split('\n')
      .find((l) => l.startsWith('image_variant_conversions_total{') && l.includes(`format="${format}"`));
    return line ? Number(line.split(' ').at(-1)) : 0;
  }

  const keyOf = (fileUrl: string) => decodeURIComponent(new URL(fileUrl).pathname.replace(/^\/files\//, ''));

  beforeAll(async () => {
    base = suite.gatewayUrl;
    db = new Client({ connectionString: suite.infra.databaseUrl });
    await db.connect();
    teamId = (await adminPost<{ id: string }>('/admin/v1/teams', { name: 'media-a' })).id;
    otherTeamId = (await adminPost<{ id: string }>('/admin/v1/teams', { name: 'media-b' })).id;
    await createUser('alice', teamId);
    await createUser('bob', teamId);
    await createUser('root', teamId, true);
    await createUser('mallory', otherTeamId, true);
    orgId = (await adminPost<{ id: string }>(`/admin/v1/teams/${teamId}/organizations`, { name: 'studio' })).id;
    await adminPost(`/admin/v1/teams/${teamId}/organizations/${orgId}/members`, { user_id: users.alice.id });
    otherTeamOrgId = (
      await adminPost<{ id: string }>(`/admin/v1/teams/${otherTeamId}/organizations`, { name: 'elsewhere' })
    ).id;
  }, 120_000);

  describe('login and bearer tokens', () => {
    it('issues a bearer token for the right password and refuses a wrong one with FastAPI detail', async () => {
      const ok = await login(users.alice.username, users.alice.password);
      expect(ok.status).toBe(200);
      const token = (await ok.json()) as { access_token: string; token_type: string };
      expect(token.token_type).toBe('bearer');
      expect(token.access_token.split('.')).toHaveLength(3);

      for (const [username, password] of [
        [users.alice.username, 'wrong-password'],
        ['nobody@example.com', 'whatever-password'],
      ]) {
        const bad = await login(username, password);
        expect(bad.status).toBe(400);
        expect(await bad.json()).toEqual({ detail: 'Incorrect email or password' });
      }
    });

    it('answers a form without password with 422 and loc ["body","password"]', async () => {
      const res = await fetch(`${base}/api/v1/login/access-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'username=alice%40example.com',
      });
      expect(res.status).toBe(422);
      expect(((await res.json()) as Detail).detail).toEqual([
        expect.objectContaining({ loc: ['body', 'password'], type: 'missing' }),
      ]);
    });

    it('refuses missing, expired, forged and other-secret tokens with 401', async () => {
      const now = Math.floor(Date.now() / 1000);
      const claims = { sub: users.alice.id, team: teamId, aud: 'media-api' };
      const cases: Array<[string, string | undefined]> = [
        ['missing', undefined],
        ['expired', handMadeToken({ ...claims, iat: now - 700, exp: now - 100 })],
        [
          'other secret',
          handMadeToken({ ...claims, iat: now, exp: now + 600 }, 'another-secret-of-sufficient-length-000'),
        ],
        [
          'tampered',
          users.alice.token.replace(
            /\.[^.]+\./,
            `.${Buffer.from(JSON.stringify({ ...claims, sub: users.root.id, iat: now, exp: now + 600 })).toString('base64url')}.`,
          ),
        ],
        ['garbage', 'not-a-jwt'],
      ];
      for (const [what, token] of cases) {
        const res = await fetch(`${base}/api/v1/users/me/export-configuration`, {
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
        expect([what, res.status]).toEqual([what, 401]);
        expect(typeof ((await res.json()) as Detail).detail).toBe('string');
      }
      const valid = await fetch(`${base}/api/v1/users/me/export-configuration`, {
        headers: { authorization: `Bearer ${handMadeToken({ ...claims, iat: now, exp: now + 60 })}` },
      });
      expect(valid.status).toBe(404);
    });

    it('stops accepting a deactivated user’s token within the status cache time', async () => {
      await createUser('temp', teamId);
      expect((await api('temp', 'GET', '/api/v1/users/me/export-configuration')).status).toBe(404);
      const res = await fetch(`${base}/admin/v1/teams/${teamId}/accounts/${users.temp.id}`, {
        method: 'PATCH',
        headers: admin,
        body: JSON.stringify({ is_active: false }),
      });
      expect(res.status).toBe(200);
      const refused = await waitFor(
        async () => {
          const r = await api('temp', 'GET', '/api/v1/users/me/export-configuration');
          return r.status === 400 ? r : undefined;
        },
        { timeoutMs: 5000, what: 'the deactivated token to be refused' },
      );
      expect(refused.json).toEqual({ detail: 'Inactive user' });
      expect((await login(users.temp.username, users.temp.password)).status).toBe(400);
    });
  });

  describe('presigned PUT uploads', () => {
    it('signs a PUT bound to the content type; the uploaded file is verified and registered to the user', async () => {
      const bytes = solidPng(32, 24);
      const res = await presign('alice', {
        folder: 'products',
        filename: 'cover.png',
        content_type: 'image/png',
        file_size: bytes.length,
      });
      expect(res.status).toBe(200);
      const body = res.json as {
        upload_url: string;
        file_url: string;
        upload_method: string;
        expires_in_seconds: number;
        max_file_size: number;
      };
      expect(body).toMatchObject({ upload_method: 'PUT', expires_in_seconds: 930, max_file_size: 52428800 });
      const key = keyOf(body.file_url);
      expect(key).toMatch(/^temp\/[0-9a-f-]{36}_\d{13}_cover\.png$/);
      expect(new URL(body.upload_url).searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');

      const longer = await fetch(body.upload_url, {
        method: 'PUT',
        headers: { 'content-type': 'image/png' },
        body: new Uint8Array(solidPng(200, 150)),
      });
      expect(longer.status).toBe(403);

      const wrongType = await fetch(body.upload_url, {
        method: 'PUT',
        headers: { 'content-type': 'image/jpeg' },
        body: new Uint8Array(bytes),
      });
      expect(wrongType.status).toBe(403);
      const put = await fetch(body.upload_url, {
        method: 'PUT',
        headers: { 'content-type': 'image/png' },
        body: new Uint8Array(bytes),
      });
      expect(put.status).toBe(200);

      const record = await waitFor(
        async () => {
          const row = await fileStatus(key);
          return row?.status === 'active' ? row : undefined;
        },
        { timeoutMs: 20_000, what: 'the upload to be verified' },
      );
      expect(record).toMatchObject({ team_id: teamId, user_id: users.alice.id, content_type: 'image/png' });

      const served = await fetch(body.file_url, { redirect: 'manual' });
      expect(served.status).toBe(302);
      const download = await fetch(served.headers.get('location')!);
      expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    });

    it('rejects and deletes an upload whose bytes are not what the session declared', async () => {
      const res = await presign('alice', { folder: 'products', filename: 'fake.png', content_type: 'image/png' });
      const body = res.json as { upload_url: string; file_url: string; expires_in_seconds: number };
      expect(body.expires_in_seconds).toBe(900);
      const put = await fetch(body.upload_url, {
        method: 'PUT',
        headers: { 'content-type': 'image/png' },
        body: '%PDF-1.4 not a png at all',
      });
      expect(put.status).toBe(200);
      const key = keyOf(body.file_url);
      await waitFor(async () => (await fileStatus(key))?.status === 'rejected', {
        timeoutMs: 20_000,
        what: 'the fake PNG to be rejected',
      });
      expect((await fetch(body.file_url, { redirect: 'manual' })).status).toBe(404);
    });

    it('refuses a type outside the seed table and files over 50 MB with FastAPI 422', async () => {
      const badType = await presign('alice', { folder: 'x', filename: 'page.html', content_type: 'text/html' });
      expect(badType.status).toBe(422);
      expect((badType.json as Detail).detail).toEqual([
        expect.objectContaining({ loc: ['body', 'content_type'], type: 'enum' }),
      ]);

      const presignZip = (fileSize: number) =>
        presign('alice', { folder: 'x', filename: 'big.zip', content_type: 'application/zip', file_size: fileSize });
      const tooBig = await presignZip(52428801);
      expect(tooBig.status).toBe(422);
      expect((tooBig.json as Detail).detail).toEqual([expect.objectContaining({ loc: ['body', 'file_size'] })]);

      const atLimit = await presignZip(52428800);
      expect(atLimit.status).toBe(200);
      expect((atLimit.json as { expires_in_seconds: number }).expires_in_seconds).toBe(2400);

      const missing = await presign('alice', { filename: 'a.png', content_type: 'image/png' });
      expect(missing.status).toBe(422);
      expect((missing.json as Detail).detail).toEqual([
        expect.objectContaining({ loc: ['body', 'folder'], type: 'missing' }),
      ]);

      const anonymous = await fetch(`${base}/api/v1/uploads/presigned-url`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toEqual({ detail: 'Not authenticated' });
    });

    it('sanitises traversal filenames into a key under temp/', async () => {
      for (const [filename, safe] of [
        ['../../etc/passwd', 'passwd'],
        ['..\\..\\boot.ini.pdf', 'boot.ini.pdf'],
        ['../../../', 'file'],
        ['my photo (final).png', 'my_photo_final_.png'],
      ]) {
        const res = await presign('alice', { folder: 'uploads', filename, content_type: 'application/pdf' });
        expect(res.status).toBe(200);
        const key = keyOf((res.json as { file_url: string }).file_url);
        expect(key).toMatch(new RegExp(`^temp/[0-9a-f-]{36}_\\d{13}_${safe.replace(/[.()]/g, '\\$&')}$`));
        expect(key.split('/')).toHaveLength(2);
      }
    });
  });

  describe('file serving', () => {
    let fileUrl: string;

    beforeAll(async () => {
      const bytes = solidPng(40, 30, [10, 120, 200]);
      const res = await presign('bob', { folder: 'serve', filename: 'serve.png', content_type: 'image/png' });
      const body = res.json as { upload_url: string; file_url: string };
      expect(
        (
          await fetch(body.upload_url, {
            method: 'PUT',
            headers: { 'content-type': 'image/png' },
            body: new Uint8Array(bytes),
          })
        ).status,
      ).toBe(200);
      fileUrl = body.file_url;
    });

    it('converts ?type=webp once; the second request reuses the variant', async () => {
      const before = await conversions('webp');
      const first = await fetch(`${fileUrl}?type=webp`, { redirect: 'manual' });
      expect(first.status).toBe(302);
      expect(first.headers.get('x-variant-cache')).toBe('miss');
      const variant = Buffer.from(await (await fetch(first.headers.get('location')!)).arrayBuffer());
      expect(variant.subarray(0, 4).toString('latin1')).toBe('RIFF');
      expect(variant.subarray(8, 12).toString('latin1')).toBe('WEBP');
      expect(await conversions('webp')).toBe(before + 1);

      const second = await fetch(`${fileUrl}?type=webp`, { redirect: 'manual' });
      expect(second.status).toBe(302);
      expect(second.headers.get('x-variant-cache')).toBe('hit');
      expect(new URL(second.headers.get('location')!).pathname).toBe(new URL(first.headers.get('location')!).pathname);
      expect(await conversions('webp')).toBe(before + 1);
    });

    it('converts concurrent requests for one variant once', async () => {
      const before = await conversions('avif');
      const answers = await Promise.all(
        Array.from({ length: 4 }, () => fetch(`${fileUrl}?type=avif`, { redirect: 'manual' })),
      );
      expect(answers.map((a) => a.status)).toEqual([302, 302, 302, 302]);
      expect(await conversions('avif')).toBe(before + 1);
    });

    it('answers an unknown type with 400 and a missing file with 404', async () => {
      const unknown = await fetch(`${fileUrl}?type=bmp`, { redirect: 'manual' });
      expect(unknown.status).toBe(400);
      expect(typeof ((await unknown.json()) as Detail).detail).toBe('string');
      for (const path of [
        '/files/temp/00000000-0000-0000-0000-000000000000_1_none.png',
        '/files/temp/nothing.png?type=webp',
        '/files/aiapi/secret/key.png',
        '/files/temp/../aiapi/x.png',
      ]) {
        const res = await fetch(`${base}${path}`, { redirect: 'manual' });
        expect([path, res.status]).toEqual([path, 404]);
        expect(await res.json()).toEqual({ detail: expect.any(String) });
      }
    });
  });

  describe('export configuration', () => {
    const me = '/api/v1/users/me/export-configuration';
    const ofUser = (id: string) => `/api/v1/users/${id}/export-configuration`;
    const ofOrg = (id: string) => `/api/v1/users/organizations/${id}/export-configuration`;

    it('creates, reads, updates and deletes my configuration; duplicate 400, absent 404', async () => {
      expect(await api('bob', 'GET', me)).toMatchObject({ status: 404, json: { detail: expect.any(String) } });
      const created = await api('bob', 'POST', me, {});
      expect(created.status).toBe(200);
      expect(created.json).toMatchObject({
        user_id: users.bob.id,
        organization_id: null,
        image_format: 'webp',
        metadata_adapter: 'default',
      });
      expect(await api('bob', 'POST', me, { image_format: 'png' })).toMatchObject({
        status: 400,
        json: { detail: expect.any(String) },
      });
      const patched = await api('bob', 'PATCH', me, { image_format: 'jpeg' });
      expect(patched.json).toMatchObject({
        image_format: 'jpeg',
        metadata_adapter: 'default',
        id: (created.json as { id: string }).id,
      });
      expect((await api('bob', 'PATCH', me, { metadata_adapter: 'ovs' })).json).toMatchObject({
        image_format: 'jpeg',
        metadata_adapter: 'ovs',
      });
      expect((await api('bob', 'GET', me)).json).toMatchObject({ image_format: 'jpeg', metadata_adapter: 'ovs' });
      const invalid = await api('bob', 'PATCH', me, { image_format: 'gif' });
      expect(invalid.status).toBe(422);
      expect((invalid.json as Detail).detail).toEqual([expect.objectContaining({ loc: ['body', 'image_format'] })]);
      expect((await api('bob', 'DELETE', me)).status).toBe(200);
      expect((await api('bob', 'DELETE', me)).status).toBe(404);
      expect((await api('bob', 'PATCH', me, { image_format: 'png' })).status).toBe(404);
    });

    it('lets users act only on their own {user_id}; superusers on anyone of their team', async () => {
      expect((await api('alice', 'POST', ofUser(users.alice.id), { image_format: 'png' })).status).toBe(200);
      expect(await api('bob', 'GET', ofUser(users.alice.id))).toEqual({
        status: 403,
        json: { detail: "The user doesn't have enough privileges" },
      });
      expect((await api('bob', 'PATCH', ofUser(users.alice.id), { image_format: 'avif' })).status).toBe(403);
      expect((await api('bob', 'DELETE', ofUser(users.alice.id))).status).toBe(403);
      expect((await api('root', 'GET', ofUser(users.alice.id))).json).toMatchObject({
        user_id: users.alice.id,
        image_format: 'png',
      });
      expect((await api('root', 'POST', ofUser(users.bob.id), { image_format: 'avif' })).json).toMatchObject({
        user_id: users.bob.id,
        image_format: 'avif',
      });
      expect((await api('bob', 'GET', me)).json).toMatchObject({ image_format: 'avif' });
      expect((await api('root', 'DELETE', ofUser(users.bob.id))).status).toBe(200);
      // A superuser of another team sees nothing of this one.
      expect((await api('mallory', 'GET', ofUser(users.alice.id))).status).toBe(404);
      expect((await api('alice', 'GET', ofUser('not-a-uuid'))).status).toBe(422);
    });

    it('lets organisation members (and superusers of the team) manage the organisation configuration', async () => {
      expect((await api('alice', 'GET', ofOrg(orgId))).status).toBe(404);
      const created = await api('alice', 'POST', ofOrg(orgId), { image_format: 'jpeg', metadata_adapter: 'ovs' });
      expect(created.status).toBe(200);
      expect(created.json).toMatchObject({
        organization_id: orgId,
        user_id: users.alice.id,
        image_format: 'jpeg',
        metadata_adapter: 'ovs',
      });
      expect((await api('alice', 'POST', ofOrg(orgId), {})).status).toBe(400);
      expect(await api('bob', 'GET', ofOrg(orgId))).toEqual({
        status: 403,
        json: { detail: "The user doesn't have enough privileges" },
      });
      expect((await api('bob', 'PATCH', ofOrg(orgId), { image_format: 'png' })).status).toBe(403);
      expect((await api('root', 'GET', ofOrg(orgId))).json).toMatchObject({ image_format: 'jpeg' });
      expect((await api('mallory', 'GET', ofOrg(orgId))).status).toBe(404);
      expect((await api('alice', 'GET', ofOrg(otherTeamOrgId))).status).toBe(404);
      expect((await api('alice', 'PATCH', ofOrg(orgId), { image_format: 'webp' })).json).toMatchObject({
        image_format: 'webp',
        metadata_adapter: 'ovs',
      });
    });

    it('resolves the effective configuration organisation → user → default', async () => {
      const effective = '/api/v1/users/me/export-configuration/effective';
      // bob: no organisation, no configuration → system default.
      expect((await api('bob', 'GET', effective)).json).toMatchObject({
        source: 'default',
        image_format: 'webp',
        metadata_adapter: 'default',
      });
      await api('bob', 'POST', me, { image_format: 'png' });
      expect((await api('bob', 'GET', effective)).json).toMatchObject({ source: 'user', image_format: 'png' });
      // alice: personal png, organisation webp/ovs → the organisation wins.
      expect((await api('alice', 'GET', effective)).json).toMatchObject({
        source: 'organization',
        organization_id: orgId,
        image_format: 'webp',
        metadata_adapter: 'ovs',
      });
      expect((await api('alice', 'DELETE', ofOrg(orgId))).status).toBe(200);
      expect((await api('alice', 'GET', effective)).json).toMatchObject({ source: 'user', image_format: 'png' });
      expect((await api('alice', 'DELETE', me)).status).toBe(200);
      expect((await api('alice', 'GET', effective)).json).toMatchObject({ source: 'default', image_format: 'webp' });
    });
  });
});
