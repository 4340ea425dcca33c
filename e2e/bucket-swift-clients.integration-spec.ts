import { platformSuite } from '@mp/testing';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { runCommand } from './support/run-command';

const exec = promisify(execFile);
/** Debian's client: its Python packages import only under the system interpreter. */
const SWIFT = '/usr/bin/swift';
const PYTHON = '/usr/bin/python3';

/** The real Swift clients of seed 004's users, unchanged: the `swift` CLI and python-swiftclient. */
describe('Swift clients against the platform (swift CLI, python-swiftclient)', () => {
  const suite = platformSuite({
    apps: ['quota-billing', 'buckets', 'gateway'],
    teams: { 'team-a': ['bucket'], 'team-b': ['bucket'] },
  });
  let work: string;
  let storageUrl: string;
  let token: string;

  /** `swift` with only PATH in its environment, so no OS_* variable of the machine leaks in. */
  const run = (args: string[]) =>
    runCommand(SWIFT, args, { cwd: work, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
  const withToken = (...args: string[]) => run(['--os-storage-url', storageUrl, '--os-auth-token', token, ...args]);

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'swift-clients-'));
    storageUrl = `${suite.gatewayUrl}/v1/${suite.team('team-a').teamId}`;
    token = suite.team('team-a').keys.bucket!.key!;
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('swift CLI with --os-storage-url/--os-auth-token: stat, post, upload, list, download, post -m, delete --all', async () => {
    const stat = await withToken('stat');
    expect(stat).toMatchObject({ code: 0 });
    expect(stat.stdout).toMatch(/Account: /);
    expect(stat.stdout).toMatch(/Containers: 0/);

    expect(await withToken('post', 'cli-box')).toMatchObject({ code: 0 });
    const contents = Buffer.from('uploaded by the swift CLI\n');
    await writeFile(join(work, 'hello.txt'), contents);
    await writeFile(join(work, 'other.txt'), 'second\n');
    const upload = await withToken('upload', 'cli-box', 'hello.txt', '--object-name', 'docs/hello.txt');
    expect(upload).toMatchObject({ code: 0 });
    expect((await withToken('upload', 'cli-box', 'other.txt', '--object-name', 'top.txt')).code).toBe(0);

    const list = await withToken('list', 'cli-box', '--prefix', 'd', '--delimiter', '/');
    expect(list).toMatchObject({ code: 0, stdout: 'docs/\n' });
    expect((await withToken('list', 'cli-box')).stdout).toBe('docs/hello.txt\ntop.txt\n');
    expect((await withToken('list')).stdout).toBe('cli-box\n');

    // download verifies the body against the ETag itself and fails on a mismatch.
    const download = await withToken('download', 'cli-box', 'docs/hello.txt', '-o', 'downloaded.txt');
    expect(download).toMatchObject({ code: 0 });
    expect(download.stderr).not.toMatch(/md5sum != etag/);
    expect(await readFile(join(work, 'downloaded.txt'))).toEqual(contents);

    expect((await withToken('post', '-m', 'Color:blue', 'cli-box', 'docs/hello.txt')).code).toBe(0);
    const objectStat = await withToken('stat', 'cli-box', 'docs/hello.txt');
    expect(objectStat.stdout).toMatch(/Meta Color: blue/);
    expect(objectStat.stdout).toContain(`ETag: ${createHash('md5').update(contents).digest('hex')}`);
    expect((await withToken('post', '-m', 'Team:a', 'cli-box')).code).toBe(0);
    expect((await withToken('stat', 'cli-box')).stdout).toMatch(/Meta Team: a/);

    const copy = await withToken('copy', '--destination', '/cli-box/copied.txt', 'cli-box', 'top.txt');
    expect(copy).toMatchObject({ code: 0 });
    expect((await withToken('list', 'cli-box')).stdout).toBe('copied.txt\ndocs/hello.txt\ntop.txt\n');

    expect(await withToken('delete', '--all')).toMatchObject({ code: 0 });
    expect((await withToken('list')).stdout).toBe('');
  });

  it('swift CLI with -A …/auth/v1.0 -U account:user -K token', async () => {
    const auth = ['-A', `${suite.gatewayUrl}/auth/v1.0`, '-U', `${suite.team('team-a').teamId}:tester`, '-K', token];
    expect(await run([...auth, 'post', 'auth-box'])).toMatchObject({ code: 0 });
    await writeFile(join(work, 'auth.txt'), 'via v1 auth\n');
    expect((await run([...auth, 'upload', 'auth-box', 'auth.txt'])).code).toBe(0);
    expect((await run([...auth, 'list', 'auth-box'])).stdout).toBe('auth.txt\n');
    const stat = await run([...auth, 'stat']);
    expect(stat.stdout).toMatch(/Containers: 1/);
    expect(stat.stdout).toMatch(/Objects: 1/);
    expect((await run([...auth, 'delete', 'auth-box'])).code).toBe(0);
    const wrong = await run(['-A', `${suite.gatewayUrl}/auth/v1.0`, '-U', 'x:y', '-K', 'bogus', 'stat']);
    expect(wrong.code).not.toBe(0);
  });

  it('swift upload -S (a dynamic large object): segments, download checked, ranges, delete with segments', async () => {
    const big = Buffer.from(Array.from({ length: 45 }, (_, i) => String.fromCharCode(97 + (i % 26))).join(''));
    await writeFile(join(work, 'big.bin'), big);
    const upload = await withToken('upload', '-S', '10', 'dlo-box', 'big.bin');
    expect(upload).toMatchObject({ code: 0 });
    expect((await withToken('list')).stdout).toBe('dlo-box\ndlo-box_segments\n');
    expect((await withToken('list', 'dlo-box_segments')).stdout.trim().split('\n')).toHaveLength(5);
    const stat = await withToken('stat', 'dlo-box', 'big.bin');
    expect(stat.stdout).toMatch(/Manifest: dlo-box_segments\/big\.bin\//);
    expect(stat.stdout).toMatch(/Content Length: 45/);
    expect((await withToken('download', 'dlo-box', 'big.bin', '-o', 'big.out')).code).toBe(0);
    expect(await readFile(join(work, 'big.out'))).toEqual(big);
    const ranged = await fetch(`${storageUrl}/dlo-box/big.bin`, {
      headers: { 'x-auth-token': token, range: 'bytes=8-22' },
    });
    expect(ranged.status).toBe(206);
    expect(Buffer.from(await ranged.arrayBuffer())).toEqual(big.subarray(8, 23));
    expect(ranged.headers.get('content-range')).toBe('bytes 8-22/45');
    expect((await withToken('delete', 'dlo-box', 'big.bin')).code).toBe(0);
    expect((await withToken('list', 'dlo-box_segments')).stdout).toBe('');
    expect((await withToken('delete', '--all')).code).toBe(0);
  });

  it('swift upload -S --use-slo (a static large object): segments, download checked, stat, delete with segments', async () => {
    const big = Buffer.from(Array.from({ length: 4096 + 77 }, (_, i) => (i * 7) % 251));
    await writeFile(join(work, 'slo.bin'), big);
    const upload = await withToken('upload', '-S', '1024', '--use-slo', 'slo-box', 'slo.bin');
    expect(upload).toMatchObject({ code: 0 });
    expect((await withToken('list', 'slo-box_segments')).stdout.trim().split('\n')).toHaveLength(5);
    const stat = await withToken('stat', 'slo-box', 'slo.bin');
    expect(stat.stdout).toMatch(/Content Length: 4173/);
    expect(stat.stdout).toMatch(/X-Static-Large-Object: True/i);
    const download = await withToken('download', 'slo-box', 'slo.bin', '-o', 'slo.out');
    expect(download).toMatchObject({ code: 0 });
    expect(await readFile(join(work, 'slo.out'))).toEqual(big);
    // Uploading again replaces the manifest and the client removes the old segments itself.
    expect((await withToken('upload', '-S', '2048', '--use-slo', 'slo-box', 'slo.bin')).code).toBe(0);
    expect((await withToken('list', 'slo-box_segments')).stdout.trim().split('\n')).toHaveLength(3);
    expect((await withToken('delete', 'slo-box', 'slo.bin')).code).toBe(0);
    expect((await withToken('list', 'slo-box_segments')).stdout).toBe('');
    expect((await withToken('delete', '--all')).code).toBe(0);
  });

  it('swift tempurl: a signed GET (sha256, sha512, IP range) works without a token until it expires', async () => {
    expect((await withToken('post', '-m', 'Temp-URL-Key:s3cret', 'temp-box')).code).toBe(0);
    await writeFile(join(work, 'shared.txt'), 'shared through a temp URL\n');
    expect((await withToken('upload', 'temp-box', 'shared.txt')).code).toBe(0);
    const account = suite.team('team-a').teamId;
    const sign = async (...args: string[]) => {
      const out = await run(['tempurl', ...args]);
      expect(out.code).toBe(0);
      return `${suite.gatewayUrl}${out.stdout.trim()}`;
    };
    const path = `/v1/${account}/temp-box/shared.txt`;
    const url = await sign('GET', '60', path, 's3cret');
    const got = await fetch(url);
    expect(got.status).toBe(200);
    expect(await got.text()).toBe('shared through a temp URL\n');
    expect((await fetch(url, { method: 'HEAD' })).status).toBe(200);
    expect((await fetch(await sign('--digest', 'sha512', 'GET', '60', path, 's3cret'))).status).toBe(200);
    expect((await fetch(await sign('--ip-range', '127.0.0.0/8', 'GET', '60', path, 's3cret'))).status).toBe(200);
    expect((await fetch(await sign('--ip-range', '10.0.0.0/8', 'GET', '60', path, 's3cret'))).status).toBe(401);
    expect((await fetch(await sign('GET', '60', path, 'wrong-key'))).status).toBe(401);
    // A valid signature of an absent object finds nothing; the signature of one object opens no other.
    expect((await fetch(await sign('GET', '60', `/v1/${account}/temp-box/other.txt`, 's3cret'))).status).toBe(404);
    expect((await fetch(url.replace('shared.txt', 'other.txt'))).status).toBe(401);
    expect((await fetch(url, { method: 'DELETE' })).status).toBe(401);
    const past = Math.floor(Date.now() / 1000) - 10;
    expect((await fetch(await sign('--absolute', 'GET', String(past), path, 's3cret'))).status).toBe(401);
    const put = await sign('PUT', '60', `/v1/${account}/temp-box/dropped.txt`, 's3cret');
    expect((await fetch(put, { method: 'PUT', body: 'dropped in' })).status).toBe(201);
    expect((await withToken('list', 'temp-box')).stdout).toBe('dropped.txt\nshared.txt\n');
    expect((await withToken('delete', 'temp-box')).code).toBe(0);
  });

  it("another project's token: the CLI is refused", async () => {
    expect((await withToken('post', 'private-box')).code).toBe(0);
    const other = await run([
      '--os-storage-url',
      storageUrl,
      '--os-auth-token',
      suite.team('team-b').keys.bucket!.key!,
      'list',
      'private-box',
    ]);
    expect(other.code).not.toBe(0);
    expect(other.stderr).toMatch(/403/);
    expect((await withToken('delete', 'private-box')).code).toBe(0);
  });

  it("python-swiftclient's Connection API", async () => {
    const { stdout } = await exec(
      PYTHON,
      [resolve(__dirname, 'support/swift-connection-check.py'), storageUrl, token],
      {
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      },
    );
    const seen = JSON.parse(stdout.trim()) as Record<string, unknown>;
    expect(seen).toEqual({
      put_etag: seen.md5,
      md5: expect.stringMatching(/^[0-9a-f]{32}$/),
      body_ok: true,
      meta: 'test',
      listing: ['dir/file.txt'],
      containers: ['py-container'],
      container_count: '1',
      meta_after_post: 'changed',
      copy_etag: seen.md5,
      slo_body_ok: true,
      slo_header: 'True',
      slo_segments: ['/py-container/segs/0', '/py-container/segs/1', '/py-container/segs/2'],
      slo_segments_left: 0,
      delete_non_empty: 409,
      after_delete: 404,
    });
  });
});
