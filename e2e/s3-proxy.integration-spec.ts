import { ObjectStorage } from '@mp/storage';
import { platformSuite, TeamKeys, TEST_ADMIN_TOKEN, testObjectStorage } from '@mp/testing';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { curlWithStatus } from './support/curl';
import { freshStorageKey } from './support/storage-keys';

const exec = promisify(execFile);
const ROOT = resolve(__dirname, '..');
/** Default storage quota of every kikaku_s3 key in this file (quota-billing's S3_PROXY_QUOTA_BYTES). */
const DEFAULT_QUOTA = 5 * 1024 * 1024;
const AI_IMAGE_REFUSAL =
  'You are logged in with an AI Image key. Please login with an S3 Storage API key (kikaku_s3_xxx) to access this feature.';

type ErrorBody = { error: { code: string; message: string } };
type Usage = {
  quota_limit_bytes: number;
  used_bytes: number;
  reserved_bytes: number;
  remaining_bytes: number;
  file_count: number;
  status: string;
  default_limit: boolean;
};
type FileList = {
  files: Array<{ key: string; size: number; last_modified: string; etag: string }>;
  prefix: string;
  next_cursor: string | null;
  has_more: boolean;
};

describe('S3 storage proxy (seed 002 /s3, real processes)', () => {
  const suite = platformSuite({
    apps: ['quota-billing', 'gateway'],
    env: { S3_PROXY_QUOTA_BYTES: String(DEFAULT_QUOTA) },
    teams: { 'team-a': ['kikaku_s3', 'kikaku', 'cdt'], 'team-b': ['kikaku_s3'] },
  });
  let storage: ObjectStorage;
  let work: string;
  let base: string;
  const s3Key = (t: TeamKeys) => t.keys.kikaku_s3!.key!;

  const call = (path: string, key: string | undefined, init: RequestInit = {}) =>
    fetch(`${base}${path}`, {
      ...init,
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(init.headers as Record<string, string>) },
    });

  /** `POST /s3/upload` as a browser/undici FormData client: file first, then the optional key (curl's order). */
  const upload = (
    key: string,
    bytes: Buffer,
    objectKey?: string,
    filename = 'blob.bin',
    type = 'application/octet-stream',
  ) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename);
    if (objectKey !== undefined) form.append('key', objectKey);
    return call('/s3/upload', key, { method: 'POST', body: form });
  };

  const usage = async (key: string): Promise<Usage> => {
    const res = await call('/s3/usage', key);
    expect(res.status).toBe(200);
    return (await res.json()) as Usage;
  };

  const admin = (path: string, init: RequestInit = {}) =>
    fetch(`${base}/admin/v1${path}`, {
      ...init,
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    });

  /** A fresh kikaku_s3 key of team A (its own quota), optionally with its own limit. */
  const freshKey = (limit?: number) => freshStorageKey(base, suite.team('team-a').teamId, limit);

  const stagingLeftovers = async () => (await storage.list({ prefix: 's3proxy-uploads/', limit: 100 })).objects;

  suite.beforeStop(() => storage?.destroy());

  beforeAll(async () => {
    base = suite.gatewayUrl;
    storage = testObjectStorage(suite.infra.env);
    work = await mkdtemp(join(tmpdir(), 's3proxy-e2e-'));
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  describe('the seed examples, run as the seed shows them', () => {
    it('curl: upload with key, list with prefix & limit, download -o, delete, usage', async () => {
      const { key } = await freshKey();
      const curl = (...args: string[]) => curlWithStatus(args, work);
      const contents = Buffer.from('hello from the seed curl example\n');
      await writeFile(join(work, 'myfile.txt'), contents);

      const up = await curl(
        '-X',
        'POST',
        `${base}/s3/upload`,
        '-H',
        `Authorization: Bearer ${key}`,
        '-F',
        'file=@myfile.txt',
        '-F',
        'key=folder/myfile.txt',
      );
      expect(up.status).toBe(200);
      expect(JSON.parse(up.body)).toMatchObject({
        success: true,
        key: 'folder/myfile.txt',
        size: contents.length,
        content_type: 'text/plain',
        replaced: false,
      });

      const list = await curl('-H', `Authorization: Bearer ${key}`, `${base}/s3/files?prefix=folder/&limit=50`);
      expect(list.status).toBe(200);
      const listed = JSON.parse(list.body) as FileList;
      expect(listed).toMatchObject({ prefix: 'folder/', next_cursor: null, has_more: false });
      expect(listed.files.map((f) => [f.key, f.size])).toEqual([['folder/myfile.txt', contents.length]]);

      const down = await curl(
        '-H',
        `Authorization: Bearer ${key}`,
        `${base}/s3/files/folder/myfile.txt`,
        '-o',
        'downloaded.txt',
      );
      expect(down.status).toBe(200);
      expect((await readFile(join(work, 'downloaded.txt'))).equals(contents)).toBe(true);

      const used = await curl('-H', `Authorization: Bearer ${key}`, `${base}/s3/usage`);
      expect(used.status).toBe(200);
      expect(JSON.parse(used.body)).toMatchObject({
        used_bytes: contents.length,
        file_count: 1,
        reserved_bytes: 0,
        quota_limit_bytes: DEFAULT_QUOTA,
      });

      const del = await curl(
        '-X',
        'DELETE',
        '-H',
        `Authorization: Bearer ${key}`,
        `${base}/s3/files/folder/myfile.txt`,
      );
      expect(del.status).toBe(200);
      expect(JSON.parse(del.body)).toEqual({ success: true, key: 'folder/myfile.txt', freed_bytes: contents.length });
      expect(await usage(key)).toMatchObject({ used_bytes: 0, file_count: 0, remaining_bytes: DEFAULT_QUOTA });
    });

    it('Python (requests): upload with data key, list, streamed download', async () => {
      const { key } = await freshKey();
      const photo = randomBytes(70_000);
      await writeFile(join(work, 'photo.jpg'), photo);
      const script = `import requests

API_KEY = '${key}'
BASE = '${base}'
headers = {'Authorization': f'Bearer {API_KEY}'}

# Upload
with open('photo.jpg', 'rb') as f:
    resp = requests.post(f'{BASE}/s3/upload',
        headers=headers,
        files={'file': f},
        data={'key': 'images/photo.jpg'})
print(resp.json())

# List files
resp = requests.get(f'{BASE}/s3/files', headers=headers)
for f in resp.json()['files']:
    print(f['key'], f['size'])

# Download
resp = requests.get(f'{BASE}/s3/files/images/photo.jpg',
    headers=headers, stream=True)
with open('downloaded.jpg', 'wb') as f:
    for chunk in resp.iter_content(8192):
        f.write(chunk)
`;
      await writeFile(join(work, 'seed_example.py'), script);
      const { stdout } = await exec('python3', ['seed_example.py'], { cwd: work });
      const [uploadLine, listLine] = stdout.trim().split('\n');
      expect(uploadLine).toContain("'key': 'images/photo.jpg'");
      expect(uploadLine).toContain(`'size': ${photo.length}`);
      expect(uploadLine).toContain("'content_type': 'image/jpeg'");
      expect(listLine).toBe(`images/photo.jpg ${photo.length}`);
      expect((await readFile(join(work, 'downloaded.jpg'))).equals(photo)).toBe(true);
    });

    it('JavaScript (axios + form-data): upload a read stream, list, streamed download', async () => {
      const { key } = await freshKey();
      const photo = randomBytes(90_000);
      await writeFile(join(work, 'photo.jpg'), photo);
      await rm(join(work, 'downloaded.jpg'), { force: true });
      // The seed's snippet verbatim, wrapped so that the process ends once the download is written.
      const script = `const fs = require('fs');
const FormData = require('form-data');
const axios = require('axios');
(async () => {
const API_KEY = '${key}';
const BASE = '${base}';

// Upload
const form = new FormData();
form.append('file', fs.createReadStream('photo.jpg'));
form.append('key', 'images/photo.jpg');
await axios.post(\`\${BASE}/s3/upload\`, form, {
  headers: { ...form.getHeaders(), Authorization: \`Bearer \${API_KEY}\` }
});

// List files
const { data } = await axios.get(\`\${BASE}/s3/files\`, {
  headers: { Authorization: \`Bearer \${API_KEY}\` }
});
console.log(JSON.stringify(data.files));

// Download
const resp = await axios.get(\`\${BASE}/s3/files/images/photo.jpg\`, {
  headers: { Authorization: \`Bearer \${API_KEY}\` },
  responseType: 'stream'
});
const out = fs.createWriteStream('downloaded.jpg');
resp.data.pipe(out);
await new Promise((done) => out.on('finish', done));
})().catch((err) => { console.error(err.response ? err.response.status + ' ' + JSON.stringify(err.response.data) : err); process.exit(1); });
`;
      await writeFile(join(work, 'seed_example.js'), script);
      // axios and form-data are in the workspace's package store (dependencies of the tooling), not our own dependencies.
      const { stdout } = await exec(process.execPath, ['seed_example.js'], {
        cwd: work,
        env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules/.pnpm/node_modules') },
      });
      const files = JSON.parse(stdout.trim()) as FileList['files'];
      expect(files).toEqual([expect.objectContaining({ key: 'images/photo.jpg', size: photo.length })]);
      expect((await readFile(join(work, 'downloaded.jpg'))).equals(photo)).toBe(true);
    });
  });

  describe('files', () => {
    it('uploads, lists page by page with the cursor, downloads identical bytes with type and length', async () => {
      const { key } = await freshKey();
      const bodies = new Map<string, Buffer>();
      for (const name of ['a.bin', 'b.bin', 'c/d.bin', 'c/e.bin', 'f.png']) {
        const bytes = randomBytes(1000 + bodies.size * 777);
        bodies.set(`pages/${name}`, bytes);
        const res = await upload(
          key,
          bytes,
          `pages/${name}`,
          name,
          name.endsWith('.png') ? 'image/png' : 'application/octet-stream',
        );
        expect(res.status).toBe(200);
      }
      await upload(key, Buffer.from('outside the prefix'), 'other.txt');

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await call(`/s3/files?prefix=pages/&limit=2${cursor ? `&cursor=${cursor}` : ''}`, key);
        expect(res.status).toBe(200);
        const page = (await res.json()) as FileList;
        expect(page.files.length).toBeLessThanOrEqual(2);
        expect(page.has_more).toBe(page.next_cursor !== null);
        for (const f of page.files) {
          expect(f.size).toBe(bodies.get(f.key)!.length);
          expect(Number.isNaN(Date.parse(f.last_modified))).toBe(false);
        }
        seen.push(...page.files.map((f) => f.key));
        cursor = page.next_cursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual([...bodies.keys()].sort());

      const all = (await (await call('/s3/files', key)).json()) as FileList;
      expect(all.files.map((f) => f.key)).toEqual(['other.txt', ...[...bodies.keys()].sort()]);

      const download = await call('/s3/files/pages/f.png', key);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('image/png');
      expect(download.headers.get('content-length')).toBe(String(bodies.get('pages/f.png')!.length));
      expect(Buffer.from(await download.arrayBuffer()).equals(bodies.get('pages/f.png')!)).toBe(true);

      const stored = await storage.head(`s3proxy/${suite.team('team-a').teamId}/${await keyIdOf(key)}/pages/f.png`);
      expect(stored).toMatchObject({ size: bodies.get('pages/f.png')!.length, contentType: 'image/png' });
      expect(await stagingLeftovers()).toEqual([]);
    });

    it('uses the file name as the key when no key is sent, and a key sent before the file', async () => {
      const { key } = await freshKey();
      const named = await upload(key, Buffer.from('named by its file name'), undefined, 'notes.txt', 'text/plain');
      expect(named.status).toBe(200);
      expect(await named.json()).toMatchObject({ key: 'notes.txt', content_type: 'text/plain' });

      const form = new FormData();
      form.append('key', 'first/then-file.txt');
      form.append('file', new Blob(['key came first']), 'ignored-name.txt');
      const keyFirst = await call('/s3/upload', key, { method: 'POST', body: form });
      expect(keyFirst.status).toBe(200);
      expect(await keyFirst.json()).toMatchObject({ key: 'first/then-file.txt', size: 14 });
      expect(await (await call('/s3/files/first/then-file.txt', key)).text()).toBe('key came first');
    });

    it('stores an empty file and a key with spaces and unicode', async () => {
      const { key } = await freshKey();
      expect((await upload(key, Buffer.alloc(0), 'empty.txt')).status).toBe(200);
      const empty = await call('/s3/files/empty.txt', key);
      expect(empty.status).toBe(200);
      expect((await empty.arrayBuffer()).byteLength).toBe(0);

      const odd = 'dir with space/ünïcödé name.txt';
      expect((await upload(key, Buffer.from('odd'), odd)).status).toBe(200);
      const viaEncoded = await call(`/s3/files/${odd.split('/').map(encodeURIComponent).join('/')}`, key);
      expect(viaEncoded.status).toBe(200);
      expect(await viaEncoded.text()).toBe('odd');
      const listed = (await (
        await call(`/s3/files?prefix=${encodeURIComponent('dir with space/')}`, key)
      ).json()) as FileList;
      expect(listed.files.map((f) => f.key)).toEqual([odd]);
    });

    it('overwriting a key charges only the new size', async () => {
      const { key } = await freshKey();
      expect(await (await upload(key, randomBytes(4000), 'same.bin')).json()).toMatchObject({ replaced: false });
      expect(await (await upload(key, randomBytes(1500), 'same.bin')).json()).toMatchObject({
        replaced: true,
        size: 1500,
      });
      expect(await usage(key)).toMatchObject({ used_bytes: 1500, file_count: 1, reserved_bytes: 0 });
    });

    it('delete frees the quota; deleting again or downloading afterwards is 404', async () => {
      const { key } = await freshKey();
      await upload(key, randomBytes(3000), 'gone/soon.bin');
      await upload(key, randomBytes(2000), 'stays.bin');
      expect(await usage(key)).toMatchObject({
        used_bytes: 5000,
        file_count: 2,
        remaining_bytes: DEFAULT_QUOTA - 5000,
        status: 'active',
        default_limit: true,
      });

      const del = await call('/s3/files/gone/soon.bin', key, { method: 'DELETE' });
      expect(del.status).toBe(200);
      expect(await del.json()).toEqual({ success: true, key: 'gone/soon.bin', freed_bytes: 3000 });
      expect(await usage(key)).toMatchObject({ used_bytes: 2000, file_count: 1 });

      for (const res of [
        await call('/s3/files/gone/soon.bin', key, { method: 'DELETE' }),
        await call('/s3/files/gone/soon.bin', key),
      ]) {
        expect(res.status).toBe(404);
        expect(await res.json()).toEqual({ error: { code: 'FileNotFound', message: 'File not found' } });
      }
    });

    it('keeps every key in its own keyspace: another team and another key of the same team see nothing', async () => {
      const own = await freshKey();
      await upload(own.key, Buffer.from('private'), 'private/secret.txt');
      for (const other of [s3Key(suite.team('team-b')), (await freshKey()).key]) {
        expect(((await (await call('/s3/files', other)).json()) as FileList).files).toEqual([]);
        expect((await call('/s3/files/private/secret.txt', other)).status).toBe(404);
        expect((await call('/s3/files/private/secret.txt', other, { method: 'DELETE' })).status).toBe(404);
      }
      expect(await (await call('/s3/files/private/secret.txt', own.key)).text()).toBe('private');
    });
  });

  describe('downloads: ranges, HEAD and conditional GETs', () => {
    const body = Buffer.from('0123456789abcdefghij');
    let key: string;
    let etag: string;

    beforeAll(async () => {
      key = (await freshKey()).key;
      expect((await upload(key, body, 'ranged/file.txt', 'file.txt', 'text/plain')).status).toBe(200);
      const plain = await call('/s3/files/ranged/file.txt', key);
      expect(plain.status).toBe(200);
      expect(plain.headers.get('accept-ranges')).toBe('bytes');
      expect(plain.headers.get('last-modified')).toMatch(/GMT$/);
      etag = plain.headers.get('etag')!;
      expect(etag).toMatch(/^"[^"]+"$/);
      expect(Buffer.from(await plain.arrayBuffer()).equals(body)).toBe(true);
    });

    it('answers a single range with 206 and its Content-Range', async () => {
      const res = await call('/s3/files/ranged/file.txt', key, { headers: { range: 'bytes=2-5' } });
      expect(res.status).toBe(206);
      expect(res.headers.get('content-range')).toBe('bytes 2-5/20');
      expect(res.headers.get('content-length')).toBe('4');
      expect(await res.text()).toBe('2345');
      const suffix = await call('/s3/files/ranged/file.txt', key, { headers: { range: 'bytes=-3' } });
      expect(suffix.status).toBe(206);
      expect(await suffix.text()).toBe('hij');
    });

    it('answers several ranges as multipart/byteranges', async () => {
      const res = await call('/s3/files/ranged/file.txt', key, { headers: { range: 'bytes=0-1,10-12' } });
      expect(res.status).toBe(206);
      const type = res.headers.get('content-type')!;
      const boundary = /^multipart\/byteranges; boundary=(\S+)$/.exec(type)?.[1];
      expect(boundary).toBeDefined();
      const text = await res.text();
      expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
      expect(text).toBe(
        `\r\n--${boundary}\r\nContent-Type: text/plain\r\nContent-Range: bytes 0-1/20\r\n\r\n01` +
          `\r\n--${boundary}\r\nContent-Type: text/plain\r\nContent-Range: bytes 10-12/20\r\n\r\nabc` +
          `\r\n--${boundary}--\r\n`,
      );
    });

    it('answers an unsatisfiable range with 416 and the size', async () => {
      const res = await call('/s3/files/ranged/file.txt', key, { headers: { range: 'bytes=50-60' } });
      expect(res.status).toBe(416);
      expect(res.headers.get('content-range')).toBe('bytes */20');
    });

    it('HEAD answers the headers of a GET without a body; 404 for a missing key', async () => {
      const res = await call('/s3/files/ranged/file.txt', key, { method: 'HEAD' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-length')).toBe('20');
      expect(res.headers.get('content-type')).toBe('text/plain');
      expect(res.headers.get('etag')).toBe(etag);
      expect(res.headers.get('accept-ranges')).toBe('bytes');
      expect(await res.text()).toBe('');
      expect((await call('/s3/files/ranged/none.txt', key, { method: 'HEAD' })).status).toBe(404);
    });

    it('If-None-Match with the ETag is 304, If-Match with another is 412', async () => {
      const notModified = await call('/s3/files/ranged/file.txt', key, { headers: { 'if-none-match': etag } });
      expect(notModified.status).toBe(304);
      expect(notModified.headers.get('etag')).toBe(etag);
      const failed = await call('/s3/files/ranged/file.txt', key, { headers: { 'if-match': '"other"' } });
      expect(failed.status).toBe(412);
      const matched = await call('/s3/files/ranged/file.txt', key, { headers: { 'if-match': etag } });
      expect(matched.status).toBe(200);
      expect(await matched.text()).toBe(body.toString());
    });
  });

  describe('storage quota', () => {
    it('refuses an upload that does not fit with the seed 403, stores nothing and holds nothing', async () => {
      const { key } = await freshKey(100_000);
      expect((await upload(key, randomBytes(60_000), 'first.bin')).status).toBe(200);
      const refused = await upload(key, randomBytes(60_000), 'second.bin');
      expect(refused.status).toBe(403);
      const body = (await refused.json()) as ErrorBody;
      expect(body.error.code).toBe('QuotaExceeded');
      expect(body.error.message).toMatch(
        /^Storage quota exceeded: .*40000 bytes remaining of this key's 100000-byte quota$/,
      );
      expect(await usage(key)).toMatchObject({
        used_bytes: 60_000,
        reserved_bytes: 0,
        remaining_bytes: 40_000,
        file_count: 1,
        default_limit: false,
      });
      expect((await call('/s3/files/second.bin', key)).status).toBe(404);
      expect(await stagingLeftovers()).toEqual([]);
    });

    it('admits a file that fills the quota exactly', async () => {
      const { key } = await freshKey(50_000);
      expect((await upload(key, randomBytes(20_000), 'a.bin')).status).toBe(200);
      expect((await upload(key, randomBytes(30_000), 'b.bin')).status).toBe(200);
      expect(await usage(key)).toMatchObject({ used_bytes: 50_000, remaining_bytes: 0, status: 'exceeded' });
      expect((await upload(key, Buffer.from('x'), 'c.bin')).status).toBe(403);
    });

    it('stops a streamed upload of unknown length as soon as it passes the quota', async () => {
      const { key } = await freshKey(100_000);
      const boundary = '----s3proxy' + randomBytes(8).toString('hex');
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      );
      const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
      let sent = 0;
      const chunk = randomBytes(16 * 1024);
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent === 0) controller.enqueue(head);
          if (sent >= 400_000) {
            controller.enqueue(tail);
            controller.close();
            return;
          }
          sent += chunk.length;
          controller.enqueue(chunk);
        },
      });
      const res = await call('/s3/upload', key, {
        method: 'POST',
        body,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(403);
      expect(((await res.json()) as ErrorBody).error.code).toBe('QuotaExceeded');
      expect(await usage(key)).toMatchObject({ used_bytes: 0, reserved_bytes: 0, file_count: 0 });
      expect(await stagingLeftovers()).toEqual([]);
    });

    it('two uploads racing for the last bytes: one wins, usage never passes the quota', async () => {
      const { key } = await freshKey(100_000);
      const results = await Promise.all([
        upload(key, randomBytes(60_000), 'race-1.bin'),
        upload(key, randomBytes(60_000), 'race-2.bin'),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 403]);
      expect(await usage(key)).toMatchObject({ used_bytes: 60_000, reserved_bytes: 0, file_count: 1 });
    });

    it('many parallel uploads whose sum exceeds the quota: usage equals the admitted files and stays within it', async () => {
      const { key } = await freshKey(100_000);
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => upload(key, randomBytes(30_000), `many/${i}.bin`)),
      );
      const admitted = results.filter((r) => r.status === 200).length;
      expect(results.every((r) => r.status === 200 || r.status === 403)).toBe(true);
      expect(admitted).toBeGreaterThanOrEqual(1);
      expect(admitted).toBeLessThanOrEqual(3);
      const after = await usage(key);
      expect(after).toMatchObject({ used_bytes: admitted * 30_000, reserved_bytes: 0, file_count: admitted });
      expect(after.used_bytes).toBeLessThanOrEqual(100_000);
      const listed = (await (await call('/s3/files?prefix=many/', key)).json()) as FileList;
      expect(listed.files).toHaveLength(admitted);
      expect(await stagingLeftovers()).toEqual([]);
    });

    it('admin API: read a key quota, set and restore its limit; only kikaku_s3 keys have one', async () => {
      const { id, key } = await freshKey();
      const path = `/teams/${suite.team('team-a').teamId}/api-keys/${id}/storage-quota`;
      expect(await (await admin(path)).json()).toMatchObject({
        quota_limit_bytes: DEFAULT_QUOTA,
        used_bytes: 0,
        default_limit: true,
      });
      const set = await admin(path, { method: 'PUT', body: JSON.stringify({ limit_bytes: 1234 }) });
      expect(await set.json()).toMatchObject({ quota_limit_bytes: 1234, remaining_bytes: 1234, default_limit: false });
      expect(await usage(key)).toMatchObject({ quota_limit_bytes: 1234 });
      const restore = await admin(path, { method: 'PUT', body: JSON.stringify({ limit_bytes: null }) });
      expect(await restore.json()).toMatchObject({ quota_limit_bytes: DEFAULT_QUOTA, default_limit: true });

      for (const body of [{ limit_bytes: -1 }, { limit_bytes: 1.5 }, { limit_bytes: '10' }, {}]) {
        expect((await admin(path, { method: 'PUT', body: JSON.stringify(body) })).status).toBe(400);
      }
      const cdt = await admin(
        `/teams/${suite.team('team-a').teamId}/api-keys/${suite.team('team-a').keys.cdt!.id}/storage-quota`,
        {
          method: 'PUT',
          body: JSON.stringify({ limit_bytes: 10 }),
        },
      );
      expect(cdt.status).toBe(400);
      const otherTeam = await admin(`/teams/${suite.team('team-b').teamId}/api-keys/${id}/storage-quota`);
      expect(otherTeam.status).toBe(404);
      const unauthenticated = await fetch(`${base}/admin/v1${path}`);
      expect(unauthenticated.status).toBe(401);
    });
  });

  describe('authentication and bad input', () => {
    it('refuses an AI Image key with the seed sentence, other kinds too', async () => {
      for (const path of ['/s3/usage', '/s3/files', '/s3/files/a.txt']) {
        const res = await call(path, suite.team('team-a').keys.kikaku!.key);
        expect(res.status).toBe(403);
        expect(await res.json()).toEqual({ error: { code: 'WrongKeyKind', message: AI_IMAGE_REFUSAL } });
      }
      const cdt = await call('/s3/usage', suite.team('team-a').keys.cdt!.key);
      expect(cdt.status).toBe(403);
      expect(((await cdt.json()) as ErrorBody).error.message).toBe(
        'Please login with an S3 Storage API key (kikaku_s3_xxx) to access this feature.',
      );
      const uploadWithAiKey = await upload(suite.team('team-a').keys.kikaku!.key!, Buffer.from('x'), 'x.txt');
      expect(uploadWithAiKey.status).toBe(403);
    });

    it('answers 401 without a key, with an unknown key and with another scheme', async () => {
      const missing = await call('/s3/usage', undefined);
      expect(missing.status).toBe(401);
      expect(await missing.json()).toEqual({
        error: { code: 'Unauthenticated', message: 'Missing API key: send Authorization: Bearer kikaku_s3_…' },
      });
      const unknown = await call('/s3/files', 'kikaku_s3_' + 'x'.repeat(40));
      expect(unknown.status).toBe(401);
      expect(await unknown.json()).toEqual({ error: { code: 'InvalidApiKey', message: 'Invalid or revoked API key' } });
      const basic = await fetch(`${base}/s3/usage`, {
        headers: { authorization: `Basic ${s3Key(suite.team('team-a'))}` },
      });
      expect(basic.status).toBe(401);
      expect((await upload('kikaku_s3_nope', Buffer.from('x'), 'x.txt')).status).toBe(401);
    });

    it('rejects bad keys, prefixes, limits and cursors with 400 InvalidParameter', async () => {
      const key = s3Key(suite.team('team-a'));
      const badKeys = [
        '../escape.txt',
        'a/../../b',
        '/absolute.txt',
        'a//b.txt',
        'tab\there',
        'x'.repeat(1025),
        'back\\slash',
        'folder/',
      ];
      for (const bad of badKeys) {
        const res = await upload(key, Buffer.from('x'), bad);
        expect(res.status).toBe(400);
        const body = (await res.json()) as ErrorBody;
        expect(body.error.code).toBe('InvalidParameter');
        expect(body.error.message).toMatch(/^key /);
      }
      const badNamed = await upload(key, Buffer.from('x'), undefined, '..');
      expect(badNamed.status).toBe(400);
      // Sent raw: fetch would resolve the dot segments before they reach us.
      for (const path of [
        '/s3/files/..%2F..%2Fetc',
        '/s3/files/a/%2E%2E/b',
        '/s3/files/a/../b',
        '/s3/files/a%00b',
        '/s3/files/',
      ]) {
        const res = await rawGet(path, key);
        expect([path, res.status]).toEqual([path, 400]);
        expect((JSON.parse(res.body) as ErrorBody).error.code).toBe('InvalidParameter');
      }
      for (const query of ['limit=0', 'limit=1001', 'limit=abc', 'cursor=%21%21', 'prefix=../', 'limit=1&limit=2']) {
        const res = await call(`/s3/files?${query}`, key);
        expect([query, res.status]).toEqual([query, 400]);
        expect(((await res.json()) as ErrorBody).error.code).toBe('InvalidParameter');
      }
      expect(await stagingLeftovers()).toEqual([]);
      expect(await usage(key)).toMatchObject({ reserved_bytes: 0 });
    });

    const refusedForms: Array<[what: string, fill: (form: FormData) => void, message: RegExp]> = [
      ['an upload without a file', (form) => form.append('key', 'k.txt'), /file is required/],
      [
        'an upload with two files',
        (form) => {
          form.append('file', new Blob(['1']), 'one.txt');
          form.append('file', new Blob(['2']), 'two.txt');
        },
        /exactly one file/,
      ],
      ['a file in another field', (form) => form.append('upload', new Blob(['1']), 'one.txt'), /field "file"/],
    ];
    it.each(refusedForms)('rejects %s', async (_what, fill, message) => {
      const body = new FormData();
      fill(body);
      const res = await call('/s3/upload', s3Key(suite.team('team-a')), { method: 'POST', body });
      expect(res.status).toBe(400);
      expect(((await res.json()) as ErrorBody).error.message).toMatch(message);
    });

    it('rejects a body that is not multipart', async () => {
      const json = await call('/s3/upload', s3Key(suite.team('team-a')), {
        method: 'POST',
        body: JSON.stringify({ key: 'a' }),
        headers: { 'content-type': 'application/json' },
      });
      expect(json.status).toBe(400);
      expect(((await json.json()) as ErrorBody).error.code).toBe('InvalidParameter');
    });

    it('rejects a multipart body that ends inside the file', async () => {
      const truncated = await call('/s3/upload', s3Key(suite.team('team-a')), {
        method: 'POST',
        body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc',
        headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      });
      expect(truncated.status).toBe(400);
      expect(((await truncated.json()) as ErrorBody).error.code).toBe('InvalidParameter');
      expect(await usage(s3Key(suite.team('team-a')))).toMatchObject({ reserved_bytes: 0 });
      expect(await stagingLeftovers()).toEqual([]);
    });
  });

  /** A GET whose path goes out byte for byte as given. */
  function rawGet(path: string, key: string): Promise<{ status: number; body: string }> {
    return new Promise((done, fail) => {
      const { hostname, port } = new URL(base);
      const req = request({ hostname, port, path, headers: { authorization: `Bearer ${key}` } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => done({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', fail);
      req.end();
    });
  }

  /** The key id behind a secret, through the admin API (the listing shows hints only). */
  async function keyIdOf(secret: string): Promise<string> {
    const res = await admin(`/teams/${suite.team('team-a').teamId}/api-keys`);
    const { keys } = (await res.json()) as { keys: Array<{ id: string; hint: string; kind: string }> };
    const hint = `kikaku_s3_…${secret.slice(-4)}`;
    return keys.find((k) => k.kind === 'kikaku_s3' && k.hint === hint)!.id;
  }

  it('documents the dialect in OpenAPI at /docs/s3-proxy.json', async () => {
    const res = await fetch(`${base}/docs/s3-proxy.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: { content: Record<string, unknown> };
            responses: Record<string, { content: Record<string, unknown> }>;
          }
        >
      >;
    };
    expect(Object.keys(doc.paths).sort()).toEqual(['/s3/files', '/s3/files/{key}', '/s3/upload', '/s3/usage']);
    expect(Object.keys(doc.paths['/s3/upload'].post.requestBody!.content)).toEqual(['multipart/form-data']);
    expect(Object.keys(doc.paths['/s3/files/{key}'].get.responses['200'].content)).toEqual([
      'application/octet-stream',
    ]);
    expect(Object.keys(doc.paths['/s3/files/{key}'])).toEqual(['get', 'delete']);
  });

  it('streams a 30 MB upload and download intact (sha256)', async () => {
    const { key } = await freshKey(64 * 1024 * 1024);
    const big = randomBytes(30 * 1024 * 1024);
    const res = await upload(key, big, 'big/thirty.bin');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ size: big.length });
    const down = await call('/s3/files/big/thirty.bin', key);
    expect(down.headers.get('content-length')).toBe(String(big.length));
    const hash = createHash('sha256');
    for await (const chunk of down.body as unknown as AsyncIterable<Uint8Array>) hash.update(chunk);
    expect(hash.digest('hex')).toBe(createHash('sha256').update(big).digest('hex'));
    expect(await usage(key)).toMatchObject({ used_bytes: big.length, reserved_bytes: 0 });
  });
});
