import { ObjectStorage } from '@mp/storage';
import { platformSuite, testObjectStorage, waitFor } from '@mp/testing';
import { createHash } from 'node:crypto';
import { curlWithStatus } from './support/curl';
import { createProjectUser } from './support/project-users';
import { EXAMPLE1_CORS_RULE } from './support/seed-004-cors';

type Json = Record<string, unknown>;

/** Seed 004's bucket API (`/v1_ext/bucket…`) end to end, with the seed's own curl examples. */
describe('bucket API (seed 004 /v1_ext, real processes)', () => {
  const suite = platformSuite({
    apps: ['quota-billing', 'buckets', 'gateway'],
    teams: { 'team-a': ['bucket', 'cdt'], 'team-b': ['bucket'] },
  });
  let base: string;
  const token = (team: 'team-a' | 'team-b') => suite.team(team).keys.bucket!.key!;
  const call = (path: string, init: RequestInit & { team?: 'team-a' | 'team-b' | null } = {}) => {
    const { team = 'team-a', ...rest } = init;
    return fetch(`${base}${path}`, {
      ...rest,
      headers: { ...(team ? { 'x-auth-token': token(team) } : {}), ...(rest.headers as Record<string, string>) },
    });
  };
  const json = (body: unknown) => ({ body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  const curl = (...args: string[]) => curlWithStatus(args);

  let storage: ObjectStorage;
  suite.beforeStop(() => storage?.destroy());

  beforeAll(() => {
    base = suite.gatewayUrl;
    storage = testObjectStorage(suite.infra.env);
  });

  it('the seed curl examples: create, get, list, ACL, owner, CORS, lifecycle, delete', async () => {
    const h = ['-H', `X-Auth-Token: ${token('team-a')}`];
    /** `--location --request <method> <url>` with the project's token, then the example's own arguments. */
    const seedCurl = (method: string, path: string, ...rest: string[]) =>
      curl('--location', '--request', method, `${base}${path}`, ...h, ...rest);
    const jsonType = ['--header', 'Content-Type: application/json'];
    const seedCurlJson = (method: string, path: string, json: string) =>
      seedCurl(method, path, ...jsonType, '--data-raw', json);
    const created = await seedCurlJson(
      'PUT',
      '/v1_ext/bucket',
      '{\n    "name": "my-bucket-new",\n    "type": "hot",\n    "use_encryption": false\n}',
    );
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toEqual({
      name: 'my-bucket-new',
      type: 'hot',
      use_encryption: false,
      use_encrytion: false,
    });

    const got = await seedCurl('GET', '/v1_ext/bucket/my-bucket-new');
    expect(got.status).toBe(200);
    expect(JSON.parse(got.body)).toMatchObject({
      account: suite.team('team-a').teamId,
      name: 'my-bucket-new',
      type: 'hot',
      bytes: 0,
      objectCount: 0,
      policyCount: 0,
      acl: { permissions: null, public: null, public_read_allow_ip_list: [] },
      use_encryption: false,
    });
    expect(JSON.parse(got.body).createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const listed = await seedCurl('GET', '/v1_ext/bucket?limit=100');
    expect(listed.status).toBe(200);
    expect(JSON.parse(listed.body)).toMatchObject({
      totalCount: 1,
      offset: 0,
      count: 1,
      items: [{ name: 'my-bucket-new' }],
    });

    // The seed's ACL example (with the comma its JSON lacks).
    const acl = await seedCurlJson(
      'POST',
      '/v1_ext/bucket/my-bucket-new',
      '{"name": "my-bucket-new", "acl": {"public": "read-only", "public_read_allow_ip_list": ["1.1.1.1","2.2.2.0/24"]}}',
    );
    expect(acl.status).toBe(200);
    expect(JSON.parse(acl.body)).toEqual({
      name: 'my-bucket-new',
      ownerId: null,
      acl: { permissions: null, public: 'read-only', public_read_allow_ip_list: ['1.1.1.1', '2.2.2.0/24'] },
    });

    const cors = await seedCurlJson(
      'PUT',
      '/v1_ext/bucket/my-bucket-new/cors',
      JSON.stringify({
        cors: [
          EXAMPLE1_CORS_RULE,
          {
            allowed_origins: ['https://www.example2.com'],
            allowed_methods: ['PUT', 'GET', 'DELETE'],
            allowed_headers: ['*'],
            expose_headers: ['X-Object-Meta-User-Defined'],
            max_age_seconds: 10,
          },
        ],
      }),
    );
    expect(cors.status).toBe(200);
    expect(JSON.parse(cors.body).cors).toHaveLength(2);
    const corsGet = await seedCurl('GET', '/v1_ext/bucket/my-bucket-new/cors', ...jsonType);
    expect(JSON.parse(corsGet.body)).toEqual(JSON.parse(cors.body));

    // The seed's lifecycle example sends no Content-Type (curl's default form type).
    const policy = await seedCurl(
      'PUT',
      '/v1_ext/bucket/my-bucket-new/policy',
      '--data-raw',
      ' {\n    "target" :    "test-target", \n    "duration" :    60\n}',
    );
    expect(policy.status).toBe(200);
    const policies = JSON.parse(policy.body).policies as Array<{
      id: number;
      target: string;
      duration: number;
      createdAt: string;
    }>;
    expect(policies).toEqual([
      { id: expect.any(Number), target: 'test-target', duration: 60, createdAt: expect.any(String) },
    ]);
    const alias = await seedCurl('GET', '/v1/bucket/my-bucket-new/policy');
    expect(JSON.parse(alias.body)).toEqual(JSON.parse(policy.body));
    const alias2 = await seedCurl('GET', '/v1_ext/my-bucket-new/policy');
    expect(JSON.parse(alias2.body)).toEqual(JSON.parse(policy.body));
    expect(((await (await call('/v1_ext/bucket/my-bucket-new')).json()) as Json).policyCount).toBe(1);
    const delPolicy = await seedCurl('DELETE', `/v1_ext/bucket/my-bucket-new/policy/${policies[0].id}`);
    expect(delPolicy.status).toBe(204);

    const deleted = await seedCurl('DELETE', '/v1_ext/bucket/my-bucket-new');
    expect(deleted.status).toBe(200);
    expect((await call('/v1_ext/bucket/my-bucket-new')).status).toBe(404);
  });

  it('create: bucket_name alias, cold stored, name rules, duplicates, encryption not served', async () => {
    const ok = await call('/v1_ext/bucket', { method: 'PUT', ...json({ bucket_name: 'test_bucket', type: 'cold' }) });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ name: 'test_bucket', type: 'cold', use_encryption: false, use_encrytion: false });
    const dup = await call('/v1_ext/bucket', { method: 'PUT', ...json({ name: 'test_bucket' }) });
    expect(dup.status).toBe(409);
    expect(((await dup.json()) as { error: Json }).error.code).toBe('Conflict');
    for (const name of ['ab', 'Upper', '-lead', 'trail-', 'a..b', 'x'.repeat(64), 'sp ace']) {
      const bad = await call('/v1_ext/bucket', { method: 'PUT', ...json({ name }) });
      expect([name, bad.status]).toEqual([name, 400]);
    }
    expect((await call('/v1_ext/bucket', { method: 'PUT', ...json({}) })).status).toBe(400);
    expect((await call('/v1_ext/bucket', { method: 'PUT', ...json({ name: 'typed', type: 'warm' }) })).status).toBe(
      400,
    );
    const enc = await call('/v1_ext/bucket', { method: 'PUT', ...json({ name: 'enc-bucket', use_encryption: true }) });
    expect(enc.status).toBe(400);
    expect(((await enc.json()) as { error: { message: string } }).error.message).toMatch(/encryption/);
    expect((await call('/v1_ext/bucket', { method: 'PUT', ...json({ name: 'no-token' }), team: null })).status).toBe(
      401,
    );
    expect(
      (
        await call('/v1_ext/bucket', {
          method: 'PUT',
          ...json({ name: 'other-kind' }),
          team: null,
          headers: { 'x-auth-token': suite.team('team-a').keys.cdt!.key!, 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(403);
  });

  it('list: offset/limit, prefix|include, type, by, direct', async () => {
    for (const [name, type] of [
      ['list-a1', 'hot'],
      ['list-b2', 'cold'],
      ['list-c3', 'hot'],
    ] as const) {
      expect((await call('/v1_ext/bucket', { method: 'PUT', ...json({ name, type }) })).status).toBe(200);
    }
    const names = async (query: string) => {
      const res = await call(`/v1_ext/bucket?${query}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { totalCount: number; items: Array<{ name: string }> };
      return { total: body.totalCount, names: body.items.map((i) => i.name) };
    };
    expect(await names('prefix=list-')).toEqual({ total: 3, names: ['list-a1', 'list-b2', 'list-c3'] });
    expect(await names('prefix=list-&direct=desc&limit=2')).toEqual({ total: 3, names: ['list-c3', 'list-b2'] });
    expect(await names('prefix=list-&offset=2')).toEqual({ total: 3, names: ['list-c3'] });
    expect(await names('include=b2')).toEqual({ total: 1, names: ['list-b2'] });
    expect(await names('prefix=list-&type=hot')).toEqual({ total: 2, names: ['list-a1', 'list-c3'] });
    expect((await names('prefix=list-&by=bucket_type')).names[2]).toBe('list-c3');
    expect((await names('prefix=list-&by=created_at&direct=desc')).names).toEqual(['list-c3', 'list-b2', 'list-a1']);
    expect((await names('prefix=list-&by=bytes_used')).names).toHaveLength(3);
    for (const bad of ['prefix=a&include=b', 'limit=0', 'limit=x', 'offset=-1', 'by=size', 'direct=up', 'type=warm']) {
      expect([bad, (await call(`/v1_ext/bucket?${bad}`)).status]).toEqual([bad, 400]);
    }
    // Another project sees none of them.
    expect(await (await call('/v1_ext/bucket?prefix=list-', { team: 'team-b' })).json()).toMatchObject({
      totalCount: 0,
    });
  });

  it('update: ACL validation and clearing, owner of the same project only', async () => {
    await call('/v1_ext/bucket', { method: 'PUT', ...json({ name: 'acl-bucket' }) });
    for (const acl of [
      { public: 'read-write' },
      { public_read_allow_ip_list: ['1.1.1.256'] },
      { public_read_allow_ip_list: ['10.0.0.0/33'] },
      { public_read_allow_ip_list: 'x' },
    ]) {
      const res = await call('/v1_ext/bucket/acl-bucket', { method: 'POST', ...json({ acl }) });
      expect([acl, res.status]).toEqual([acl, 400]);
    }
    const v6 = await call('/v1_ext/bucket/acl-bucket', {
      method: 'POST',
      ...json({ acl: { public: 'read-only', public_read_allow_ip_list: ['::1', '2001:db8::/32'] } }),
    });
    expect(v6.status).toBe(200);
    const cleared = await call('/v1_ext/bucket/acl-bucket', { method: 'POST', ...json({ acl: null }) });
    expect(((await cleared.json()) as Json).acl).toEqual({
      permissions: null,
      public: null,
      public_read_allow_ip_list: [],
    });

    const userOf = (team: 'team-a' | 'team-b', email: string) =>
      createProjectUser(base, suite.team(team).teamId, email);
    const mine = await userOf('team-a', 'reuben@example.com');
    const theirs = await userOf('team-b', 'other@example.com');
    const owner = await call('/v1_ext/bucket/acl-bucket', {
      method: 'POST',
      ...json({ name: 'acl-bucket', ownerId: mine }),
    });
    expect(owner.status).toBe(200);
    expect(((await owner.json()) as Json).ownerId).toBe(mine);
    expect(((await (await call('/v1_ext/bucket/acl-bucket')).json()) as Json).owner).toEqual({
      id: mine,
      name: 'reuben',
    });
    expect((await call('/v1_ext/bucket/acl-bucket', { method: 'POST', ...json({ ownerId: theirs }) })).status).toBe(
      404,
    );
    expect((await call('/v1_ext/bucket/acl-bucket', { method: 'POST', ...json({ ownerId: 'nope' }) })).status).toBe(
      400,
    );
    expect((await call('/v1_ext/bucket/absent-bucket', { method: 'POST', ...json({ acl: null }) })).status).toBe(404);
  });

  it('CORS: limits, reset by [] or an empty body', async () => {
    await call('/v1_ext/bucket', { method: 'PUT', ...json({ name: 'cors-bucket' }) });
    const rule = {
      allowed_origins: ['https://*.example.com'],
      allowed_methods: ['GET'],
      allowed_headers: [],
      expose_headers: [],
    };
    const set = await call('/v1_ext/bucket/cors-bucket/cors', { method: 'POST', ...json({ cors: [rule] }) });
    expect(await set.json()).toEqual({ cors: [{ ...rule, max_age_seconds: 5 }] });
    const bad = [
      { cors: Array.from({ length: 11 }, () => rule) },
      { cors: [{ ...rule, allowed_origins: ['https://*.*.example.com'] }] },
      { cors: [{ ...rule, allowed_origins: [`https://${'a'.repeat(200)}.com`] }] },
      { cors: [{ ...rule, allowed_methods: ['PATCH'] }] },
      { cors: [{ ...rule, max_age_seconds: -1 }] },
    ];
    for (const body of bad)
      expect((await call('/v1_ext/bucket/cors-bucket/cors', { method: 'PUT', ...json(body) })).status).toBe(400);
    expect(
      await (await call('/v1_ext/bucket/cors-bucket/cors', { method: 'PUT', ...json({ cors: [] }) })).json(),
    ).toEqual({ cors: [] });
    await call('/v1_ext/bucket/cors-bucket/cors', { method: 'PUT', ...json({ cors: [rule] }) });
    const reset = await call('/v1_ext/bucket/cors-bucket/cors', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
    });
    expect(reset.status).toBe(200);
    expect(await reset.json()).toEqual({ cors: [] });
    expect((await call('/v1_ext/bucket/absent-bucket/cors')).status).toBe(404);
  });

  it('lifecycle: validation, 404s; objects under the target vanish once duration days passed (moved clock)', async () => {
    await call('/v1_ext/bucket', { method: 'PUT', ...json({ name: 'life-bucket' }) });
    for (const body of [{ target: 'x', duration: 0 }, { target: 'x', duration: 1.5 }, { target: 3, duration: 1 }, {}]) {
      expect((await call('/v1_ext/bucket/life-bucket/policy', { method: 'PUT', ...json(body) })).status).toBe(400);
    }
    expect(
      (await call('/v1_ext/bucket/absent-bucket/policy', { method: 'PUT', ...json({ target: 'x', duration: 1 }) }))
        .status,
    ).toBe(404);
    expect((await call('/v1_ext/bucket/life-bucket/policy/999999', { method: 'DELETE' })).status).toBe(404);
    expect((await call('/v1_ext/bucket/life-bucket/policy/abc', { method: 'DELETE' })).status).toBe(400);
    expect((await call('/v1_ext/bucket/life-bucket/policy', { team: 'team-b' })).status).toBe(404);

    const account = suite.team('team-a').teamId;
    for (const name of ['logs/old-1', 'logs/old-2', 'keep/me']) {
      expect((await call(`/v1/${account}/life-bucket/${name}`, { method: 'PUT', body: name })).status).toBe(201);
    }
    const stored = async () => (await storage.list({ prefix: `swift/${account}/`, limit: 1000 })).objects.length;
    const before = await stored();
    const set = await call('/v1_ext/bucket/life-bucket/policy', {
      method: 'PUT',
      ...json({ target: 'logs/', duration: 1 }),
    });
    expect(set.status).toBe(200);
    expect(await (await call('/v1_ext/bucket/life-bucket')).json()).toMatchObject({ objectCount: 3, policyCount: 1 });

    // Two days later (the buckets app's clock moved): the objects under logs/ are gone at once.
    await suite.platform.stopApp('buckets');
    await suite.platform.startApp('buckets', {
      BUCKETS_CLOCK_OFFSET_MS: String(2 * 86_400_000),
      LIFECYCLE_SWEEP_INTERVAL_MS: '300',
    });
    try {
      expect((await call(`/v1/${account}/life-bucket/logs/old-1`)).status).toBe(404);
      expect((await call(`/v1/${account}/life-bucket/logs/old-1`, { method: 'HEAD' })).status).toBe(404);
      expect(await (await call(`/v1/${account}/life-bucket`)).text()).toBe('keep/me\n');
      expect(await (await call('/v1_ext/bucket/life-bucket')).json()).toMatchObject({ objectCount: 1, bytes: 7 });
      // A fresh object under the target lives its own duration.
      expect((await call(`/v1/${account}/life-bucket/logs/new`, { method: 'PUT', body: 'n' })).status).toBe(201);
      expect((await call(`/v1/${account}/life-bucket/logs/new`)).status).toBe(200);
      // The sweeper deletes the two expired objects' bytes (the new one stays).
      await waitFor(async () => (await stored()) === before - 1, { timeoutMs: 15_000, what: 'the lifecycle sweep' });
    } finally {
      await suite.platform.stopApp('buckets');
      await suite.platform.startApp('buckets');
    }
    // The sweep deleted the rows too: removing the policy brings nothing back.
    const { policies } = (await (await call('/v1_ext/bucket/life-bucket/policy')).json()) as {
      policies: Array<{ id: number }>;
    };
    expect((await call(`/v1_ext/bucket/life-bucket/policy/${policies[0].id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await (await call('/v1_ext/bucket/life-bucket')).json()).toMatchObject({ policyCount: 0, objectCount: 2 });
    expect((await call(`/v1/${account}/life-bucket/logs/old-1`)).status).toBe(404);
  });

  it('delete: 404 absent, 409 not empty; objects count in bytes/objectCount', async () => {
    await call('/v1_ext/bucket', { method: 'PUT', ...json({ name: 'full-bucket' }) });
    const account = suite.team('team-a').teamId;
    const body = Buffer.from('twelve bytes');
    const put = await call(`/v1/${account}/full-bucket/a.txt`, {
      method: 'PUT',
      body,
      headers: { 'content-type': 'text/plain' },
    });
    expect(put.status).toBe(201);
    expect(put.headers.get('etag')).toBe(createHash('md5').update(body).digest('hex'));
    expect(await (await call('/v1_ext/bucket/full-bucket')).json()).toMatchObject({ bytes: 12, objectCount: 1 });
    const refused = await call('/v1_ext/bucket/full-bucket', { method: 'DELETE' });
    expect(refused.status).toBe(409);
    expect((await call('/v1_ext/bucket/full-bucket', { method: 'DELETE', team: 'team-b' })).status).toBe(404);
    expect((await call(`/v1/${account}/full-bucket/a.txt`, { method: 'DELETE' })).status).toBe(204);
    expect((await call('/v1_ext/bucket/full-bucket', { method: 'DELETE' })).status).toBe(200);
    expect((await call('/v1_ext/bucket/full-bucket', { method: 'DELETE' })).status).toBe(404);
  });
});
