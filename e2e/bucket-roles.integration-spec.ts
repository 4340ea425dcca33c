import { platformSuite, TEST_ADMIN_TOKEN } from '@mp/testing';
import { createProjectUser } from './support/project-users';

type Json = Record<string, unknown>;
type Who = 'owner' | 'reader' | 'writer' | 'stranger' | 'project';

/**
 * Per-user bucket roles (`acl.permissions`): the owner administers, `read-only` / `read-write`
 * users of the project read or also write objects, other users of the project are refused on
 * every route of both APIs once a bucket has grants; project tokens tied to no user keep full access.
 */
describe('bucket roles (seed 004 acl.permissions, real processes)', () => {
  const suite = platformSuite({
    apps: ['quota-billing', 'buckets', 'gateway'],
    teams: { 'team-a': ['bucket'], 'team-b': ['bucket'] },
  });
  const admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' };
  const users: Partial<Record<Who, string>> = {};
  const tokens: Partial<Record<Who, string>> = {};
  let base: string;
  let account: string;
  let outsider: string;

  const call = (who: Who, path: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, {
      ...init,
      headers: { 'x-auth-token': tokens[who]!, ...(init.headers as Record<string, string>) },
    });
  const swift = (who: Who, path: string, init: RequestInit = {}) => call(who, `/v1/${account}${path}`, init);
  const json = (body: unknown) => ({ body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  const grant = (permissions: unknown) =>
    call('owner', '/v1_ext/bucket/roles', { method: 'POST', ...json({ acl: { permissions } }) });

  const userOf = (team: 'team-a' | 'team-b', email: string) => createProjectUser(base, suite.team(team).teamId, email);
  const tokenOf = async (userId: string) => {
    const res = await fetch(`${base}/admin/v1/teams/${account}/api-keys`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ kind: 'bucket', user_id: userId }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { key: string }).key;
  };

  beforeAll(async () => {
    base = suite.gatewayUrl;
    account = suite.team('team-a').teamId;
    tokens.project = suite.team('team-a').keys.bucket!.key!;
    for (const who of ['owner', 'reader', 'writer', 'stranger'] as const) {
      users[who] = await userOf('team-a', `${who}@example.com`);
      tokens[who] = await tokenOf(users[who]);
    }
    outsider = await userOf('team-b', 'outsider@example.com');
  });

  it('grants: validated, answered with user names, kept when only the public ACL changes, cleared by null', async () => {
    expect((await call('owner', '/v1_ext/bucket', { method: 'PUT', ...json({ name: 'roles' }) })).status).toBe(200);
    const bucket = (await (await call('owner', '/v1_ext/bucket/roles')).json()) as Json;
    expect(bucket.owner).toEqual({ id: users.owner, name: 'owner' });

    for (const [permissions, status] of [
      [[{ user: { id: users.reader }, permission: 'admin' }], 400],
      [[{ user: { id: 'nope' }, permission: 'read-only' }], 400],
      [[{ permission: 'read-only' }], 400],
      ['read-only', 400],
      [
        [
          { user: { id: users.reader }, permission: 'read-only' },
          { user: { id: users.reader }, permission: 'read-write' },
        ],
        400,
      ],
      [[{ user: { id: outsider }, permission: 'read-only' }], 404],
    ] as Array<[unknown, number]>) {
      const res = await grant(permissions);
      expect([permissions, res.status]).toEqual([permissions, status]);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/permissions/);
    }

    const granted = await grant([
      { user: { id: users.reader }, permission: 'read-only' },
      { user: { id: users.writer, name: 'ignored' }, permission: 'read-write' },
    ]);
    expect(granted.status).toBe(200);
    const expected = [
      { user: { id: users.reader, name: 'reader' }, permission: 'read-only' },
      { user: { id: users.writer, name: 'writer' }, permission: 'read-write' },
    ];
    expect(((await granted.json()) as { acl: Json }).acl.permissions).toEqual(expected);
    const pub = await call('owner', '/v1_ext/bucket/roles', {
      method: 'POST',
      ...json({ acl: { public: 'read-only', public_read_allow_ip_list: ['10.0.0.0/8'] } }),
    });
    expect(((await pub.json()) as { acl: Json }).acl).toEqual({
      permissions: expected,
      public: 'read-only',
      public_read_allow_ip_list: ['10.0.0.0/8'],
    });
    expect(((await (await call('reader', '/v1_ext/bucket/roles')).json()) as { acl: Json }).acl.permissions).toEqual(
      expected,
    );
  });

  it('enforced on every route: read-only reads, read-write writes objects, the owner administers, others nothing', async () => {
    expect((await swift('owner', '/roles/a.txt', { method: 'PUT', body: 'from the owner' })).status).toBe(201);
    expect((await call('project', '/v1_ext/bucket', { method: 'PUT', ...json({ name: 'open' }) })).status).toBe(200);
    expect((await swift('project', '/open/o.txt', { method: 'PUT', body: 'open' })).status).toBe(201);

    // The reader: GET/HEAD and listings, bucket and its CORS/policies read; nothing written.
    expect(await (await swift('reader', '/roles/a.txt')).text()).toBe('from the owner');
    expect((await swift('reader', '/roles', { method: 'HEAD' })).status).toBe(204);
    expect(await (await swift('reader', '/roles')).text()).toBe('a.txt\n');
    for (const path of ['/v1_ext/bucket/roles', '/v1_ext/bucket/roles/cors', '/v1_ext/bucket/roles/policy']) {
      expect([path, (await call('reader', path)).status]).toEqual([path, 200]);
    }
    const readerWrites: Array<[string, RequestInit]> = [
      [`/v1/${account}/roles/b.txt`, { method: 'PUT', body: 'x' }],
      [`/v1/${account}/roles/a.txt`, { method: 'DELETE' }],
      [`/v1/${account}/roles/a.txt`, { method: 'POST', headers: { 'x-object-meta-a': 'b' } }],
      [`/v1/${account}/roles`, { method: 'POST', headers: { 'x-container-meta-a': 'b' } }],
      ['/v1_ext/bucket/roles', { method: 'POST', ...json({ acl: null }) }],
      ['/v1_ext/bucket/roles/cors', { method: 'PUT', ...json({ cors: [] }) }],
      ['/v1_ext/bucket/roles/policy', { method: 'PUT', ...json({ target: 'x', duration: 1 }) }],
      ['/v1_ext/bucket/roles', { method: 'DELETE' }],
    ];
    for (const [path, init] of readerWrites) {
      const res = await call('reader', path, init);
      expect([init.method, path, res.status]).toEqual([init.method, path, 403]);
    }

    // The writer: objects written and deleted; the bucket itself is the owner's.
    expect((await swift('writer', '/roles/w.txt', { method: 'PUT', body: 'by the writer' })).status).toBe(201);
    expect(
      (await swift('writer', '/roles/w.txt', { method: 'POST', headers: { 'x-object-meta-k': 'v' } })).status,
    ).toBe(202);
    expect((await swift('writer', '/roles/w.txt', { method: 'DELETE' })).status).toBe(204);
    expect((await swift('writer', '/roles', { method: 'POST', headers: { 'x-container-meta-a': 'b' } })).status).toBe(
      403,
    );
    expect((await call('writer', '/v1_ext/bucket/roles', { method: 'DELETE' })).status).toBe(403);

    // Another user of the project: nothing, and the bucket is not listed for them.
    for (const [path, init] of [
      [`/v1/${account}/roles/a.txt`, {}],
      [`/v1/${account}/roles`, {}],
      [`/v1/${account}/roles`, { method: 'HEAD' }],
      ['/v1_ext/bucket/roles', {}],
      ['/v1_ext/bucket/roles/cors', {}],
      ['/v1_ext/roles/policy', {}],
    ] as Array<[string, RequestInit]>) {
      expect([path, (await call('stranger', path, init)).status]).toEqual([path, 403]);
    }
    const listed = (await (await call('stranger', '/v1_ext/bucket')).json()) as { totalCount: number; items: Json[] };
    expect(listed.items.map((b) => b.name)).toEqual(['open']);
    expect(listed.totalCount).toBe(1);
    expect(await (await swift('stranger', '')).text()).toBe('open\n');
    expect(await (await swift('reader', '')).text()).toBe('open\nroles\n');
    // Reads through other buckets are held to the same roles: a copy's source, a large object's segments.
    const copy = await swift('stranger', '/open/stolen', {
      method: 'PUT',
      headers: { 'x-copy-from': 'roles/a.txt', 'content-length': '0' },
    });
    expect(copy.status).toBe(403);
    const dlo = await swift('stranger', '/open/dlo', {
      method: 'PUT',
      body: '',
      headers: { 'x-object-manifest': 'roles/a' },
    });
    expect(dlo.status).toBe(403);
    const slo = await swift('stranger', '/open/slo?multipart-manifest=put', {
      method: 'PUT',
      body: JSON.stringify([{ path: '/roles/a.txt' }]),
    });
    expect(slo.status).toBe(403);
    const bulk = await call('reader', `/v1/${account}?bulk-delete`, {
      method: 'POST',
      body: 'roles/a.txt\nroles\n',
      headers: { accept: 'application/json' },
    });
    expect(await bulk.json()).toMatchObject({
      'Number Deleted': 0,
      Errors: [
        ['/roles/a.txt', '403 Forbidden'],
        ['/roles', '403 Forbidden'],
      ],
    });

    // An SLO the writer makes in its bucket over segments of a bucket it may only read: deleting it
    // with its segments leaves those segments, reported as forbidden.
    const grantOpen = await call('project', '/v1_ext/bucket/open', {
      method: 'POST',
      ...json({ acl: { permissions: [{ user: { id: users.writer }, permission: 'read-only' }] } }),
    });
    expect(grantOpen.status).toBe(200);
    expect((await swift('project', '/open/seg', { method: 'PUT', body: 'open segment' })).status).toBe(201);
    const sloOverOpen = await swift('writer', '/roles/slo-open?multipart-manifest=put', {
      method: 'PUT',
      body: JSON.stringify([{ path: '/open/seg' }]),
    });
    expect(sloOverOpen.status).toBe(201);
    const removed = await swift('writer', '/roles/slo-open?multipart-manifest=delete', {
      method: 'DELETE',
      headers: { accept: 'application/json' },
    });
    expect(await removed.json()).toMatchObject({ 'Number Deleted': 1, Errors: [['/open/seg', '403 Forbidden']] });
    expect((await swift('project', '/open/seg', { method: 'HEAD' })).status).toBe(200);
    expect(
      (await call('project', '/v1_ext/bucket/open', { method: 'POST', ...json({ acl: { permissions: null } }) }))
        .status,
    ).toBe(200);

    // A container a user's token makes through Swift is that user's.
    expect((await swift('writer', '/mine', { method: 'PUT' })).status).toBe(201);
    expect(((await (await call('writer', '/v1_ext/bucket/mine')).json()) as Json).owner).toEqual({
      id: users.writer,
      name: 'writer',
    });

    // The project's own token (no user) and the owner keep full access; clearing the grants opens the bucket.
    expect((await swift('project', '/roles/a.txt', { method: 'HEAD' })).status).toBe(200);
    expect((await grant(null)).status).toBe(200);
    expect((await swift('stranger', '/roles/a.txt')).status).toBe(200);
    expect(((await (await call('stranger', '/v1_ext/bucket')).json()) as { totalCount: number }).totalCount).toBe(3);
  });
});
