import { platformSuite, waitFor } from '@mp/testing';
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import pg from 'pg';
import { promisify } from 'node:util';
import { EXAMPLE1_CORS_RULE } from './support/seed-004-cors';

const exec = promisify(execFile);

type Team = 'team-a' | 'team-b';

/** Seed 004's Swift object API over HTTP as Swift clients speak it: statuses, headers, listings, bodies. */
describe('Swift object API (seed 004 /v1/{account}, real processes)', () => {
  const suite = platformSuite({
    apps: ['quota-billing', 'buckets', 'gateway'],
    teams: { 'team-a': ['bucket', 'cdt'], 'team-b': ['bucket'] },
  });
  let base: string;
  let account: string;
  const token = (team: Team) => suite.team(team).keys.bucket!.key!;
  const swift = (path: string, init: RequestInit & { team?: Team | null } = {}) => {
    const { team = 'team-a', ...rest } = init;
    return fetch(`${base}/v1/${account}${path}`, {
      ...rest,
      headers: { ...(team ? { 'x-auth-token': token(team) } : {}), ...(rest.headers as Record<string, string>) },
    });
  };
  const md5 = (b: Buffer | string) => createHash('md5').update(b).digest('hex');
  /** The bucket API's `objectCount` of one of team A's buckets. */
  const objectCountOf = async (bucket: string) =>
    (
      (await (
        await fetch(`${base}/v1_ext/bucket/${bucket}`, { headers: { 'x-auth-token': token('team-a') } })
      ).json()) as { objectCount: number }
    ).objectCount;

  beforeAll(() => {
    base = suite.gatewayUrl;
    account = suite.team('team-a').teamId;
  });

  it('account and container: PUT 201/202, HEAD/GET with counts, metadata POST, DELETE 409/204', async () => {
    const created = await swift('/photos', { method: 'PUT', headers: { 'x-container-meta-color': 'blue' } });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-trans-id')).toBe(created.headers.get('x-openstack-request-id'));
    expect(created.headers.get('x-timestamp')).toMatch(/^\d+\.\d{5}$/);
    expect((await swift('/photos', { method: 'PUT' })).status).toBe(202);

    const body = Buffer.from('hello swift');
    expect(
      (await swift('/photos/a/b.txt', { method: 'PUT', body, headers: { 'content-type': 'text/plain' } })).status,
    ).toBe(201);
    const head = await swift('/photos', { method: 'HEAD' });
    expect(head.status).toBe(204);
    expect(head.headers.get('x-container-object-count')).toBe('1');
    expect(head.headers.get('x-container-bytes-used')).toBe(String(body.length));
    expect(head.headers.get('x-container-meta-color')).toBe('blue');

    // The seed's container metadata example sends X-Object-Meta-* on the container.
    const meta = await swift('/photos', {
      method: 'POST',
      headers: { 'x-object-meta-company': 'kakao enterprise', 'x-remove-container-meta-color': 'x' },
    });
    expect(meta.status).toBe(204);
    const after = await swift('/photos', { method: 'HEAD' });
    expect(after.headers.get('x-container-meta-company')).toBe('kakao enterprise');
    expect(after.headers.get('x-container-meta-color')).toBeNull();

    const acc = await swift('', { method: 'HEAD' });
    expect(acc.status).toBe(204);
    expect(acc.headers.get('x-account-container-count')).toBe('1');
    expect(acc.headers.get('x-account-object-count')).toBe('1');
    expect(acc.headers.get('x-account-bytes-used')).toBe(String(body.length));
    const listing = await swift('?format=json');
    expect(listing.status).toBe(200);
    expect(await listing.json()).toEqual([
      { name: 'photos', count: 1, bytes: body.length, last_modified: expect.stringMatching(/^\d{4}-.*\.\d{6}$/) },
    ]);
    expect(await (await swift('')).text()).toBe('photos\n');
    expect(await (await swift('', { headers: { accept: 'application/xml' } })).text()).toContain('<account name=');
    expect(await objectCountOf('photos')).toBe(1);

    expect((await swift('/photos', { method: 'DELETE' })).status).toBe(409);
    expect((await swift('/photos/a/b.txt', { method: 'DELETE' })).status).toBe(204);
    expect((await swift('/photos/a/b.txt', { method: 'DELETE' })).status).toBe(404);
    expect((await swift('/photos', { method: 'DELETE' })).status).toBe(204);
    expect((await swift('/photos', { method: 'HEAD' })).status).toBe(404);
    // Swift's own names: UTF-8 up to 256 bytes, listed by the bucket API too.
    const long = `콘테이너 ${'c'.repeat(200)}`;
    expect((await swift(`/${encodeURIComponent(long)}`, { method: 'PUT' })).status).toBe(201);
    expect((await swift(`/${encodeURIComponent('x'.repeat(257))}`, { method: 'PUT' })).status).toBe(400);
    const ext = (await (
      await fetch(`${base}/v1_ext/bucket?include=${encodeURIComponent('콘테이너')}`, {
        headers: { 'x-auth-token': token('team-a') },
      })
    ).json()) as { items: Array<{ name: string }> };
    expect(ext.items.map((i) => i.name)).toEqual([long]);
    expect((await swift(`/${encodeURIComponent(long)}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('object listing: json/xml/plain, prefix, delimiter → subdir, marker, end_marker, limit, reverse', async () => {
    await swift('/list', { method: 'PUT' });
    const names = ['a.txt', 'dir/1.txt', 'dir/2.txt', 'dir/sub/3.txt', 'z.txt'];
    for (const name of names) expect((await swift(`/list/${name}`, { method: 'PUT', body: name })).status).toBe(201);
    const json = async (query: string) =>
      (await (await swift(`/list?format=json&${query}`)).json()) as Array<Record<string, unknown>>;
    const flat = (items: Array<Record<string, unknown>>) =>
      items.map((i) => (i.subdir as string) ?? (i.name as string));
    expect(flat(await json(''))).toEqual(names);
    expect((await json('prefix=a'))[0]).toEqual({
      name: 'a.txt',
      hash: md5('a.txt'),
      bytes: 5,
      content_type: 'text/plain',
      last_modified: expect.any(String),
    });
    expect(flat(await json('delimiter=/'))).toEqual(['a.txt', 'dir/', 'z.txt']);
    expect(flat(await json('delimiter=/&prefix=dir/'))).toEqual(['dir/1.txt', 'dir/2.txt', 'dir/sub/']);
    expect(flat(await json('marker=dir/1.txt&end_marker=z.txt'))).toEqual(['dir/2.txt', 'dir/sub/3.txt']);
    expect(flat(await json('limit=2'))).toEqual(['a.txt', 'dir/1.txt']);
    expect(flat(await json('reverse=true&limit=2'))).toEqual(['z.txt', 'dir/sub/3.txt']);
    expect(await (await swift('/list?prefix=dir/&delimiter=/')).text()).toBe('dir/1.txt\ndir/2.txt\ndir/sub/\n');
    const xml = await (await swift('/list?format=xml&delimiter=/')).text();
    expect(xml).toContain('<container name="list"><object><name>a.txt</name>');
    expect(xml).toContain('<subdir name="dir/"><name>dir/</name></subdir>');
    expect((await swift('/list?prefix=nothing')).status).toBe(204);
    for (const bad of ['limit=10001', 'limit=x', 'format=yaml', 'delimiter=ab'])
      expect([bad, (await swift(`/list?${bad}`)).status]).toEqual([bad, 400]);
    expect((await swift('/absent?format=json')).status).toBe(404);
  });

  it('object PUT: ETag, 422 mismatch, 411, If-None-Match 412, metadata, X-Delete-After, copy', async () => {
    await swift('/objs', { method: 'PUT' });
    const body = Buffer.from('some object bytes');
    const put = await swift('/objs/o.bin', {
      method: 'PUT',
      body,
      headers: { etag: md5(body), 'x-object-meta-color': 'red', 'content-type': 'application/json' },
    });
    expect(put.status).toBe(201);
    expect(put.headers.get('etag')).toBe(md5(body));
    const mismatch = await swift('/objs/bad.bin', { method: 'PUT', body, headers: { etag: md5('other') } });
    expect(mismatch.status).toBe(422);
    expect((await swift('/objs/bad.bin', { method: 'HEAD' })).status).toBe(404);
    expect((await swift('/objs/o.bin', { method: 'PUT', body, headers: { 'if-none-match': '*' } })).status).toBe(412);
    expect((await swift('/nocontainer/o.bin', { method: 'PUT', body })).status).toBe(404);
    expect(
      await rawStatus(
        `PUT /v1/${account}/objs/nolength HTTP/1.1\r\nHost: x\r\nX-Auth-Token: ${token('team-a')}\r\nConnection: close\r\n\r\n`,
      ),
    ).toBe(411);

    const got = await swift('/objs/o.bin');
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer())).toEqual(body);
    expect(got.headers.get('etag')).toBe(md5(body));
    expect(got.headers.get('content-type')).toBe('application/json');
    expect(got.headers.get('x-object-meta-color')).toBe('red');
    expect(got.headers.get('accept-ranges')).toBe('bytes');

    expect((await swift('/objs/o.bin', { method: 'POST', headers: { 'x-object-meta-size': 'large' } })).status).toBe(
      202,
    );
    const head = await swift('/objs/o.bin', { method: 'HEAD' });
    expect(head.headers.get('x-object-meta-size')).toBe('large');
    expect(head.headers.get('x-object-meta-color')).toBeNull();

    const copy = await swift('/objs/copy.bin', {
      method: 'PUT',
      headers: { 'x-copy-from': '/objs/o.bin', 'content-length': '0' },
    });
    expect(copy.status).toBe(201);
    expect(copy.headers.get('etag')).toBe(md5(body));
    expect(Buffer.from(await (await swift('/objs/copy.bin')).arrayBuffer())).toEqual(body);
    const copied = await fetch(`${base}/v1/${account}/objs/o.bin`, {
      method: 'COPY',
      headers: { 'x-auth-token': token('team-a'), destination: 'objs/moved.bin' },
    });
    expect(copied.status).toBe(201);
    expect((await swift('/objs/moved.bin', { method: 'HEAD' })).headers.get('x-object-meta-size')).toBe('large');

    // Long enough that a loaded machine still reads it before it expires; then it goes by itself.
    const putAt = Math.floor(Date.now() / 1000);
    const expiring = await swift('/objs/soon', { method: 'PUT', body: 'x', headers: { 'x-delete-after': '3' } });
    expect(expiring.status).toBe(201);
    const deleteAt = Number((await swift('/objs/soon', { method: 'HEAD' })).headers.get('x-delete-at'));
    expect(deleteAt).toBeGreaterThanOrEqual(putAt + 3);
    expect(deleteAt).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 3);
    await waitFor(async () => (await swift('/objs/soon', { method: 'HEAD' })).status === 404, {
      timeoutMs: 10_000,
      what: 'the object to expire',
    });
    expect((await swift('/objs/past', { method: 'PUT', body: 'x', headers: { 'x-delete-at': '1000' } })).status).toBe(
      400,
    );
    // A dynamic large object: its segments are the objects under objs/seg/, laid end to end.
    for (const [i, part] of ['one-', 'two-', 'three'].entries()) {
      expect((await swift(`/objs/seg/${i}`, { method: 'PUT', body: part })).status).toBe(201);
    }
    const manifest = await swift('/objs/manifest', {
      method: 'PUT',
      body: '',
      headers: { 'x-object-manifest': 'objs/seg/' },
    });
    expect(manifest.status).toBe(201);
    const dlo = await swift('/objs/manifest');
    expect(await dlo.text()).toBe('one-two-three');
    expect(dlo.headers.get('etag')).toBe(`"${md5([md5('one-'), md5('two-'), md5('three')].join(''))}"`);
    expect(dlo.headers.get('x-object-manifest')).toBe('objs/seg/');
    expect(await (await swift('/objs/manifest', { headers: { range: 'bytes=2-6' } })).text()).toBe('e-two');
    expect((await swift('/objs/manifest', { headers: { 'if-none-match': dlo.headers.get('etag')! } })).status).toBe(
      304,
    );
    expect(
      (await swift('/objs/manifest', { method: 'PUT', body: '', headers: { 'x-object-manifest': 'nocontainer' } }))
        .status,
    ).toBe(400);
    // A copy of a DLO is its concatenated content; with ?multipart-manifest=get, the manifest itself.
    const dloCopy = await swift('/objs/copy-of-dlo', {
      method: 'PUT',
      headers: { 'x-copy-from': 'objs/manifest', 'content-length': '0' },
    });
    expect(dloCopy.status).toBe(201);
    expect(dloCopy.headers.get('etag')).toBe(md5('one-two-three'));
    const copiedDlo = await swift('/objs/copy-of-dlo');
    expect(await copiedDlo.text()).toBe('one-two-three');
    expect(copiedDlo.headers.get('x-object-manifest')).toBeNull();
    const manifestCopy = await swift('/objs/copy-of-manifest?multipart-manifest=get', {
      method: 'PUT',
      headers: { 'x-copy-from': 'objs/manifest', 'content-length': '0' },
    });
    expect(manifestCopy.status).toBe(201);
    expect((await swift('/objs/copy-of-manifest', { method: 'HEAD' })).headers.get('x-object-manifest')).toBe(
      'objs/seg/',
    );
    // A COPY without a usable Destination: 412, as Swift's copy middleware answers.
    for (const headers of [{}, { destination: 'no-slash' }] as Array<Record<string, string>>) {
      const refused = await fetch(`${base}/v1/${account}/objs/o.bin`, {
        method: 'COPY',
        headers: { 'x-auth-token': token('team-a'), ...headers },
      });
      expect(refused.status).toBe(412);
    }
  });

  it('static large objects: manifest PUT validated, GET/HEAD/Range across segments, manifest GET, copy, delete', async () => {
    await swift('/slo', { method: 'PUT' });
    await swift('/slo-segs', { method: 'PUT' });
    const parts = ['alpha-', 'bravo-', 'charlie'];
    for (const [i, part] of parts.entries()) {
      expect((await swift(`/slo-segs/p${i}`, { method: 'PUT', body: part })).status).toBe(201);
    }
    const segment = (i: number, extra: Record<string, unknown> = {}) => ({
      path: `/slo-segs/p${i}`,
      etag: md5(parts[i]!),
      size_bytes: parts[i]!.length,
      ...extra,
    });
    const put = (name: string, manifest: unknown, headers: Record<string, string> = {}) =>
      swift(`/slo/${name}?multipart-manifest=put`, { method: 'PUT', body: JSON.stringify(manifest), headers });
    const message = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message;

    // Syntax faults, all reported at once in Swift's words.
    for (const [manifest, wording] of [
      ['nope', 'Manifest must be valid JSON.'],
      [{}, 'Manifest must be a list.'],
      [[], 'Manifest must have at least one segment.'],
      [[{ etag: 'x' }], 'Index 0: expected keys to include path'],
      [[{ path: 'noslash' }], 'Index 0: path does not refer to an object'],
      [[segment(0, { size_bytes: 0 }), segment(1)], 'Index 0: too small; each segment must be at least 1 byte.'],
      [[segment(0, { colour: 1 })], 'Index 0: extraneous keys "colour"'],
      [[segment(0, { range: '9-2' })], 'Index 0: invalid range'],
      [[segment(0, { range: '0-1,3-4' })], 'Index 0: multiple ranges (only one allowed)'],
      [[segment(0, { range: '100-' })], 'Index 0: unsatisfiable range'],
      [[{ path: '/slo/big' }], 'Index 0: manifest must not include itself as a segment'],
    ] as Array<[unknown, string]>) {
      const res =
        typeof manifest === 'string'
          ? await swift('/slo/big?multipart-manifest=put', { method: 'PUT', body: manifest })
          : await put('big', manifest);
      expect([manifest, res.status]).toEqual([manifest, 400]);
      expect(await message(res)).toContain(wording);
    }
    // Segments checked against their records: absent, wrong ETag, wrong size.
    const wrong = await put('big', [
      segment(0),
      { path: '/slo-segs/absent' },
      segment(1, { etag: md5('other') }),
      segment(2, { size_bytes: 3 }),
    ]);
    expect(wrong.status).toBe(400);
    expect(await message(wrong)).toBe(
      'Errors:\n/slo-segs/absent, 404 Not Found\n/slo-segs/p1, Etag Mismatch\n/slo-segs/p2, Size Mismatch',
    );
    expect((await swift('/slo/big', { method: 'HEAD' })).status).toBe(404);

    const created = await put('big', [segment(0), segment(1, { etag: null, size_bytes: null }), segment(2)], {
      'x-object-meta-kind': 'slo',
    });
    expect(created.status).toBe(201);
    const sloEtag = `"${md5(parts.map((p) => md5(p)).join(''))}"`;
    expect(created.headers.get('etag')).toBe(sloEtag);
    const whole = await swift('/slo/big');
    expect(await whole.text()).toBe('alpha-bravo-charlie');
    expect(whole.headers.get('etag')).toBe(sloEtag);
    expect(whole.headers.get('x-static-large-object')).toBe('True');
    expect(whole.headers.get('x-object-meta-kind')).toBe('slo');
    const head = await swift('/slo/big', { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe('19');
    const ranged = await swift('/slo/big', { headers: { range: 'bytes=4-13' } });
    expect(ranged.status).toBe(206);
    expect(await ranged.text()).toBe('a-bravo-ch');
    expect(ranged.headers.get('content-range')).toBe('bytes 4-13/19');
    expect((await swift('/slo/big', { headers: { 'if-none-match': sloEtag } })).status).toBe(304);

    // Ranged segments: the ETag mixes in each range as Swift's does.
    const partial = await put('partial', [segment(0, { range: '0-1' }), segment(2, { range: '-3' })]);
    expect(partial.status).toBe(201);
    expect(await (await swift('/slo/partial')).text()).toBe('allie');
    expect(partial.headers.get('etag')).toBe(`"${md5(`${md5(parts[0]!)}:0-1;${md5(parts[2]!)}:4-6;`)}"`);

    const manifest = await swift('/slo/big?multipart-manifest=get');
    expect(manifest.headers.get('content-type')).toMatch(/^application\/json/);
    const stored = (await manifest.json()) as Array<Record<string, unknown>>;
    expect(stored.map((s) => [s.name, s.hash, s.bytes])).toEqual(
      parts.map((p, i) => [`/slo-segs/p${i}`, md5(p), p.length]),
    );
    const raw = (await (await swift('/slo/big?multipart-manifest=get&format=raw')).json()) as unknown[];
    expect(raw).toEqual(parts.map((_, i) => segment(i)));

    // A copy is the concatenated content; the listing shows the manifest.
    const copy = await swift('/slo/flat', {
      method: 'PUT',
      headers: { 'x-copy-from': 'slo/big', 'content-length': '0' },
    });
    expect(copy.status).toBe(201);
    expect(copy.headers.get('etag')).toBe(md5('alpha-bravo-charlie'));
    expect((await swift('/slo/flat', { method: 'HEAD' })).headers.get('x-static-large-object')).toBeNull();

    // A segment replaced after the manifest was made: the read fails instead of serving other bytes.
    await swift('/slo-segs/p0', { method: 'PUT', body: 'ALPHA-' });
    expect((await swift('/slo/big')).status).toBe(409);
    await swift('/slo-segs/p0', { method: 'PUT', body: parts[0] });

    const deleted = await swift('/slo/big?multipart-manifest=delete', {
      method: 'DELETE',
      headers: { accept: 'application/json' },
    });
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toMatchObject({ 'Number Deleted': 4, 'Number Not Found': 0, Errors: [] });
    expect((await swift('/slo/big', { method: 'HEAD' })).status).toBe(404);
    expect(await (await swift('/slo-segs')).text()).toBe('');
    const info = (await (await fetch(`${base}/info`)).json()) as { slo: Record<string, number> };
    expect(info.slo).toMatchObject({ max_manifest_segments: 1000, max_manifest_size: 8388608, min_segment_size: 1 });
  });

  it('large listings: answers longer than one RPC reply, subdirs across replies, totals of rows written in bulk', async () => {
    await swift('/many', { method: 'PUT' });
    const db = new pg.Client({ connectionString: suite.infra.databaseUrl });
    await db.connect();
    try {
      // Rows straight in the table (as the benchmark seeds them): listings read rows, never bytes.
      await db.query(
        `INSERT INTO "buckets"."objects" ("bucket_id", "name", "storage_key", "bytes", "hash", "content_type")
         SELECT b."id", n, 'none', 10, md5(n), 'text/plain'
           FROM "buckets"."buckets" b,
                (SELECT 'p/' || lpad(i::text, 4, '0') AS n FROM generate_series(0, 1099) i
                 UNION ALL SELECT 's/' || lpad(i::text, 3, '0') || '/x' FROM generate_series(0, 699) i
                 UNION ALL SELECT 'v/' || lpad(i::text, 3, '0') || repeat('n', 1000) FROM generate_series(0, 699) i) names
          WHERE b."team_id" = $1 AND b."name" = 'many'`,
        [account],
      );
    } finally {
      await db.end();
    }
    const head = await swift('/many', { method: 'HEAD' });
    expect(head.headers.get('x-container-object-count')).toBe('2500');
    expect(head.headers.get('x-container-bytes-used')).toBe('25000');
    const all = (await (await swift('/many?format=json')).json()) as Array<{ name: string }>;
    expect(all).toHaveLength(2500);
    // 700 names of 1,005 bytes take several replies of the buckets app; the listing is whole and in order.
    const long = all.slice(1800).map((o) => o.name);
    expect(long).toHaveLength(700);
    expect(long.every((n, i) => n === `v/${String(i).padStart(3, '0')}${'n'.repeat(1000)}`)).toBe(true);
    expect(all[0]!.name).toBe('p/0000');
    expect(all[1099]!.name).toBe('p/1099');
    expect(all[1799]!.name).toBe('s/699/x');
    expect(((await (await swift('/many?format=json&limit=1000')).json()) as unknown[]).length).toBe(1000);
    const dirs = (await (await swift('/many?format=json&prefix=s/&delimiter=/')).json()) as Array<{ subdir: string }>;
    expect(dirs).toHaveLength(700);
    expect(dirs[0]).toEqual({ subdir: 's/000/' });
    expect(dirs.at(-1)).toEqual({ subdir: 's/699/' });
    const top = await (await swift('/many?delimiter=/')).text();
    expect(top).toBe('p/\ns/\nv/\n');
    const reversed = (await (await swift('/many?format=json&reverse=true&limit=600')).json()) as Array<{
      name: string;
    }>;
    expect(reversed[0]!.name).toMatch(/^v\/699n/);
    expect(reversed[599]!.name).toMatch(/^v\/100n/);
    expect(await objectCountOf('many')).toBe(2500);
  });

  it('object GET: single and multiple ranges, 416, conditional requests', async () => {
    await swift('/ranges', { method: 'PUT' });
    const body = Buffer.from('0123456789abcdefghij');
    const etag = md5(body);
    await swift('/ranges/r.txt', { method: 'PUT', body });
    const one = await swift('/ranges/r.txt', { headers: { range: 'bytes=2-5' } });
    expect(one.status).toBe(206);
    expect(await one.text()).toBe('2345');
    expect(one.headers.get('content-range')).toBe('bytes 2-5/20');
    const many = await swift('/ranges/r.txt', { headers: { range: 'bytes=0-1,-2' } });
    expect(many.status).toBe(206);
    expect(many.headers.get('content-type')).toMatch(/^multipart\/byteranges; boundary=/);
    expect(await many.text()).toContain('ij');
    expect((await swift('/ranges/r.txt', { headers: { range: 'bytes=50-60' } })).status).toBe(416);
    expect((await swift('/ranges/r.txt', { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await swift('/ranges/r.txt', { headers: { 'if-none-match': `"${etag}"` } })).status).toBe(304);
    expect((await swift('/ranges/r.txt', { headers: { 'if-match': 'deadbeef' } })).status).toBe(412);
    expect((await swift('/ranges/r.txt', { headers: { 'if-match': etag } })).status).toBe(200);
    const lastModified = (await swift('/ranges/r.txt', { method: 'HEAD' })).headers.get('last-modified')!;
    expect((await swift('/ranges/r.txt', { headers: { 'if-modified-since': lastModified } })).status).toBe(304);
    expect(
      (await swift('/ranges/r.txt', { headers: { 'if-unmodified-since': 'Thu, 01 Jan 2015 00:00:00 GMT' } })).status,
    ).toBe(412);
  });

  it('isolation: another project, no token, a bogus account; other /v1 routes keep their dialects', async () => {
    await swift('/mine', { method: 'PUT' });
    await swift('/mine/secret.txt', { method: 'PUT', body: 'secret' });
    for (const [method, path] of [
      ['GET', ''],
      ['HEAD', ''],
      ['GET', '/mine'],
      ['PUT', '/mine'],
      ['POST', '/mine'],
      ['DELETE', '/mine'],
      ['GET', '/mine/secret.txt'],
      ['PUT', '/mine/secret.txt'],
      ['POST', '/mine/secret.txt'],
      ['DELETE', '/mine/secret.txt'],
    ]) {
      const res = await swift(path, { method, team: 'team-b', ...(method === 'PUT' ? { body: 'x' } : {}) });
      expect([method, path, res.status]).toEqual([method, path, 403]);
      expect((await swift(path, { method, team: null })).status).toBe(401);
    }
    // team-b in its own account never sees team-a's containers.
    const other = await fetch(`${base}/v1/${suite.team('team-b').teamId}/mine/secret.txt`, {
      headers: { 'x-auth-token': token('team-b') },
    });
    expect(other.status).toBe(404);
    expect((await fetch(`${base}/v1_ext/bucket/mine`, { headers: { 'x-auth-token': token('team-b') } })).status).toBe(
      404,
    );
    expect(await (await swift('/mine/secret.txt')).text()).toBe('secret');

    // Not a project id: not a Swift request at all; the storage API's paths keep its shape.
    const files = await fetch(`${base}/v1/files/nope`, {
      headers: { 'x-api-key': suite.team('team-a').keys.cdt!.key! },
    });
    expect(files.status).toBe(404);
    expect(((await files.json()) as { detail?: unknown }).detail).toBeDefined();
    const predictions = await fetch(`${base}/v1/predictions/x/y`, { method: 'PUT' });
    expect(predictions.status).toBe(404);
    expect(((await predictions.json()) as { detail?: unknown }).detail).toBeDefined();
    expect((await fetch(`${base}/v1/not-a-uuid/c`, { headers: { 'x-auth-token': token('team-a') } })).status).toBe(404);
    // The storage dialect's own routes still match (503 here: its search service is not started).
    const search = await fetch(`${base}/v1/files/storage/schema/fields`, {
      headers: { 'x-api-key': suite.team('team-a').keys.cdt!.key! },
    });
    expect(search.status).not.toBe(404);
    expect(((await search.json()) as { detail?: unknown }).detail).toBeDefined();
  });

  it('public read ACL: tokenless GET/HEAD and listing from allowed IPs only, never writes', async () => {
    await swift('/public', { method: 'PUT' });
    await swift('/public/pic.txt', { method: 'PUT', body: 'public bytes' });
    const acl = (body: unknown) =>
      fetch(`${base}/v1_ext/bucket/public`, {
        method: 'POST',
        headers: { 'x-auth-token': token('team-a'), 'content-type': 'application/json' },
        body: JSON.stringify({ acl: body }),
      });
    expect((await swift('/public/pic.txt', { team: null })).status).toBe(401);
    expect((await acl({ public: 'read-only', public_read_allow_ip_list: ['127.0.0.0/8'] })).status).toBe(200);
    const anonymous = await swift('/public/pic.txt', { team: null });
    expect(anonymous.status).toBe(200);
    expect(await anonymous.text()).toBe('public bytes');
    expect((await swift('/public/pic.txt', { method: 'HEAD', team: null })).status).toBe(200);
    expect(await (await swift('/public', { team: null })).text()).toBe('pic.txt\n');
    expect((await swift('/public/new.txt', { method: 'PUT', body: 'x', team: null })).status).toBe(401);
    expect((await swift('/public/pic.txt', { method: 'DELETE', team: null })).status).toBe(401);
    expect((await swift('/public', { method: 'POST', team: null })).status).toBe(401);
    expect((await swift('', { team: null })).status).toBe(401);
    expect((await swift('/absent/pic.txt', { team: null })).status).toBe(401);
    // 127.0.0.1 is not ::1, and X-Forwarded-For from an untrusted peer changes nothing.
    expect((await acl({ public: 'read-only', public_read_allow_ip_list: ['::1', '10.0.0.0/8'] })).status).toBe(200);
    expect((await swift('/public/pic.txt', { team: null, headers: { 'x-forwarded-for': '10.1.2.3' } })).status).toBe(
      401,
    );
    expect((await acl({ public: 'read-only', public_read_allow_ip_list: ['127.0.0.1'] })).status).toBe(200);
    expect((await swift('/public/pic.txt', { team: null })).status).toBe(200);
    expect((await acl({ public: 'read-only' })).status).toBe(200);
    expect((await swift('/public/pic.txt', { team: null })).status).toBe(200);
    // A large object in a public bucket serves tokenless readers only segments they could read themselves.
    await swift('/private-segs', { method: 'PUT' });
    await swift('/private-segs/s0', { method: 'PUT', body: 'secret' });
    await swift('/public/seg0', { method: 'PUT', body: 'open' });
    await swift('/public/leak', { method: 'PUT', body: '', headers: { 'x-object-manifest': 'private-segs/s' } });
    await swift('/public/own', { method: 'PUT', body: '', headers: { 'x-object-manifest': 'public/seg' } });
    const slo = JSON.stringify([{ path: '/private-segs/s0' }]);
    await swift('/public/leak-slo?multipart-manifest=put', { method: 'PUT', body: slo });
    expect((await swift('/public/leak', { team: null })).status).toBe(401);
    expect((await swift('/public/leak-slo', { team: null })).status).toBe(401);
    expect(await (await swift('/public/own', { team: null })).text()).toBe('open');
    expect(await (await swift('/public/leak-slo')).text()).toBe('secret');
    expect((await acl(null)).status).toBe(200);
    expect((await swift('/public/pic.txt', { team: null })).status).toBe(401);
  });

  it("CORS: the seed's preflight and request examples, refusals, Swift's own metadata, the default policy", async () => {
    await swift('/web', { method: 'PUT' });
    await swift('/web/test.txt', { method: 'PUT', body: 'cors body', headers: { 'content-type': 'text/plain' } });
    const rules = await fetch(`${base}/v1_ext/bucket/web/cors`, {
      method: 'PUT',
      headers: { 'x-auth-token': token('team-a'), 'content-type': 'application/json' },
      body: JSON.stringify({
        cors: [
          EXAMPLE1_CORS_RULE,
          {
            allowed_origins: ['https://*.example2.com'],
            allowed_methods: ['GET', 'DELETE'],
            allowed_headers: ['x-auth-token'],
            expose_headers: ['X-Object-Meta-User-Defined'],
            max_age_seconds: 10,
          },
        ],
      }),
    });
    expect(rules.status).toBe(200);
    const { stdout } = await exec('curl', [
      '-sS',
      '-i',
      '--location',
      '--request',
      'OPTIONS',
      `${base}/v1/${account}/web/test.txt`,
      '--header',
      'Origin: https://www.example1.com',
      '--header',
      'Access-Control-Request-Headers: X-Auth-Token,Content-Type',
      '--header',
      'Access-Control-Request-Method: GET',
    ]);
    expect(stdout).toMatch(/^HTTP\/1\.1 200/);
    expect(stdout).toMatch(/access-control-allow-origin: https:\/\/www\.example1\.com/i);
    expect(stdout).toMatch(/access-control-allow-methods: PUT, GET/i);
    expect(stdout).toMatch(/access-control-allow-credentials: true/i);
    expect(stdout).toMatch(/access-control-max-age: 10/i);
    expect(stdout).toMatch(/vary: Origin/i);
    const options = (path: string, origin: string, method: string, headers = '') =>
      fetch(`${base}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': method,
          ...(headers ? { 'access-control-request-headers': headers } : {}),
        },
      });
    expect((await options(`/v1/${account}/web/test.txt`, 'https://www.example1.com', 'DELETE')).status).toBe(403);
    expect((await options(`/v1/${account}/web/test.txt`, 'https://evil.com', 'GET')).status).toBe(403);
    expect((await options(`/v1/${account}/web`, 'https://a.example2.com', 'DELETE', 'X-Auth-Token')).status).toBe(200);
    expect((await options(`/v1/${account}/web`, 'https://a.example2.com', 'DELETE', 'X-Other')).status).toBe(403);
    expect((await options(`/v1/${account}/absent/x`, 'https://www.example1.com', 'GET')).status).toBe(403);
    expect((await options('/v1_ext/bucket', 'https://www.example1.com', 'GET')).status).toBe(403);
    expect((await options('/auth/v1.0', 'https://www.example1.com', 'GET')).status).toBe(403);
    expect((await fetch(`${base}/v1/${account}/web`, { method: 'OPTIONS' })).status).toBe(400);

    const allowed = await swift('/web/test.txt', { headers: { origin: 'https://www.example1.com' } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://www.example1.com');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(allowed.headers.get('vary')).toMatch(/Origin/);
    expect(allowed.headers.get('x-trans-id')).toBeTruthy();
    expect(
      (await swift('/web/test.txt', { method: 'DELETE', headers: { origin: 'https://www.example1.com' } })).status,
    ).toBe(403);
    expect((await swift('/web/test.txt', { headers: { origin: 'https://evil.com' } })).status).toBe(403);

    // Swift's own CORS metadata, on a container without v1_ext rules.
    await swift('/legacy', {
      method: 'PUT',
      headers: { 'x-container-meta-access-control-allow-origin': 'https://old.example.com' },
    });
    await swift('/legacy/o', { method: 'PUT', body: 'o' });
    expect((await options(`/v1/${account}/legacy/o`, 'https://old.example.com', 'PUT', 'x-auth-token')).status).toBe(
      200,
    );
    expect((await options(`/v1/${account}/legacy/o`, 'https://new.example.com', 'PUT')).status).toBe(401);
    const legacy = await swift('/legacy/o', { headers: { origin: 'https://old.example.com' } });
    expect(legacy.headers.get('access-control-allow-origin')).toBe('https://old.example.com');
    const other = await swift('/legacy/o', { headers: { origin: 'https://new.example.com' } });
    expect(other.status).toBe(200);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('/info and /auth/v1.0', async () => {
    const info = await fetch(`${base}/info`);
    expect(info.status).toBe(200);
    expect(((await info.json()) as { swift: { container_listing_limit: number } }).swift.container_listing_limit).toBe(
      10000,
    );
    const auth = await fetch(`${base}/auth/v1.0`, {
      headers: { 'x-auth-user': `${account}:tester`, 'x-auth-key': token('team-a') },
    });
    expect(auth.status).toBe(200);
    expect(auth.headers.get('x-storage-url')).toBe(`${base}/v1/${account}`);
    expect(auth.headers.get('x-auth-token')).toBe(token('team-a'));
    expect(
      (await fetch(`${base}/auth/v1.0`, { headers: { 'x-auth-user': `${account}:t`, 'x-auth-key': 'bogus' } })).status,
    ).toBe(401);
    expect(
      (await fetch(`${base}/auth/v1.0`, { headers: { 'x-auth-user': `${account}:t`, 'x-auth-key': token('team-b') } }))
        .status,
    ).toBe(401);
    expect((await fetch(`${base}/auth/v1.0`)).status).toBe(401);
  });

  it('bulk delete: the seed example (JSON), text/plain and XML, objects before containers', async () => {
    const setup = async () => {
      await swift('/exist-container', { method: 'PUT' });
      await swift('/exist-container/exist-object', { method: 'PUT', body: 'x' });
      await swift('/not-empty-bucket', { method: 'PUT' });
      await swift('/not-empty-bucket/keep', { method: 'PUT', body: 'y' });
    };
    // The seed lists the container before its object: objects go first anyway.
    const list = 'exist-container/exist-object\nexist-container\nnot-exist-bucket\nnot-empty-bucket\n';
    await setup();
    const { stdout } = await exec('curl', [
      '-sS',
      '--location',
      '--request',
      'DELETE',
      `${base}/v1/${account}/?bulk-delete`,
      '--header',
      `X-Auth-Token: ${token('team-a')}`,
      '--header',
      'Accept: application/json',
      '--data-raw',
      list,
    ]);
    expect(JSON.parse(stdout)).toEqual({
      'Number Deleted': 2,
      'Number Not Found': 1,
      'Response Body': expect.any(String),
      'Response Status': '400 Bad Request',
      Errors: [['/not-empty-bucket', '409 Conflict']],
    });
    expect((await swift('/exist-container', { method: 'HEAD' })).status).toBe(404);

    await setup();
    const plain = await swift('?bulk-delete', {
      method: 'POST',
      body: list,
      headers: { 'content-type': 'text/plain' },
    });
    expect(plain.status).toBe(200);
    expect(await plain.text()).toBe(
      'Number Deleted: 2\nNumber Not Found: 1\nResponse Body: There were errors deleting some items.\n' +
        'Response Status: 400 Bad Request\nErrors:\n/not-empty-bucket, 409 Conflict\n',
    );
    await setup();
    const xml = await swift('/?bulk-delete', { method: 'DELETE', body: list, headers: { accept: 'application/xml' } });
    expect(await xml.text()).toContain('<number_deleted>2</number_deleted><number_not_found>1</number_not_found>');
    const clean = await swift('/?bulk-delete', {
      method: 'DELETE',
      body: 'not-empty-bucket/keep\nnot-empty-bucket\n',
      headers: { accept: 'application/json' },
    });
    expect(await clean.json()).toMatchObject({ 'Number Deleted': 2, 'Response Status': '200 OK', Errors: [] });
    const other = await fetch(`${base}/v1/${account}/?bulk-delete`, {
      method: 'DELETE',
      body: 'x',
      headers: { 'x-auth-token': token('team-b') },
    });
    expect(other.status).toBe(403);
    const tooMany = await swift('/?bulk-delete', { method: 'DELETE', body: 'c/o\n'.repeat(10_001) });
    expect(tooMany.status).toBe(400);
    expect((await swift('?extract-archive=tar', { method: 'PUT', body: 'x' })).status).toBe(501);
    expect((await swift('/?extract-archive=tar', { method: 'PUT', body: 'x' })).status).toBe(501);
    expect((await swift('', { method: 'PUT' })).status).toBe(400);
  });

  /** The status line of a request written verbatim on a socket (what fetch cannot send). */
  function rawStatus(request: string): Promise<number> {
    const url = new URL(base);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => socket.write(request));
      let data = '';
      socket.on('data', (chunk) => {
        data += chunk.toString('latin1');
        const m = /^HTTP\/1\.1 (\d{3})/.exec(data);
        if (m) {
          resolve(Number(m[1]));
          socket.destroy();
        }
      });
      socket.on('error', reject);
    });
  }
});
