import type { S3ClientCredentials } from '@mp/contracts';
import { ObjectStorage } from '@mp/storage';
import { platformSuite, TEST_ADMIN_TOKEN, testObjectStorage } from '@mp/testing';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { s3CredentialsOf } from './support/customer-s3-clients';
import { runCommand } from './support/run-command';
import { freshStorageKey } from './support/storage-keys';

const exec = promisify(execFile);
const ROOT = resolve(__dirname, '..');
/** Debian's AWS CLI and the Python whose boto3 Debian installs (.ci/run installs both). */
const AWS = '/usr/bin/aws';
const PYTHON = '/usr/bin/python3';
const MB = 1024 * 1024;
const DEFAULT_QUOTA = 200 * MB;

type Usage = { used_bytes: number; reserved_bytes: number; file_count: number; remaining_bytes: number };

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('S3 protocol endpoint (seed 002 S3 Storage: AWS CLI, boto3, aws-sdk; real processes)', () => {
  const suite = platformSuite({
    apps: ['quota-billing', 'gateway'],
    env: {
      S3_PROXY_QUOTA_BYTES: String(DEFAULT_QUOTA),
      // Every CompleteMultipartUpload answers through the keep-alive path (200 first, then the document).
      S3_API_COMPLETE_KEEPALIVE_AFTER_MS: '0',
      S3_CREDENTIALS_MASTER_KEY: randomBytes(32).toString('base64'),
    },
    teams: { 'team-a': ['kikaku', 'kikaku_s3'] },
  });
  let storage: ObjectStorage;
  let work: string;
  let base: string;

  const admin = (path: string, init: RequestInit = {}) =>
    fetch(`${base}/admin/v1${path}`, {
      ...init,
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    });
  const bearer = (key: string, path: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, { ...init, headers: { authorization: `Bearer ${key}`, ...(init.headers as object) } });

  /** A fresh kikaku_s3 key of team A (its own bucket and quota) with its S3 credentials. */
  const freshKey = async (limit?: number): Promise<{ id: string; key: string; creds: S3ClientCredentials }> => {
    const created = await freshStorageKey(base, suite.team('team-a').teamId, limit);
    return { ...created, creds: await s3CredentialsOf(base, created.key) };
  };

  const usage = async (key: string): Promise<Usage> => (await (await bearer(key, '/s3/usage')).json()) as Usage;

  /** The AWS CLI with its own config files (what `aws configure set` writes) in a directory of the key. */
  const awsCli = (home: string) => {
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      AWS_CONFIG_FILE: join(home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      HOME: home,
    };
    return (...args: string[]) => runCommand(AWS, args, { cwd: work, env, maxBuffer: 64 * MB });
  };

  /** The seed's `aws configure set …` lines, verbatim but for the values. */
  const configured = async (creds: S3ClientCredentials, home: string) => {
    const aws = awsCli(home);
    expect((await aws('configure', 'set', 'aws_access_key_id', creds.access_key_id)).code).toBe(0);
    expect((await aws('configure', 'set', 'aws_secret_access_key', creds.secret_access_key)).code).toBe(0);
    expect((await aws('configure', 'set', 'default.region', creds.region)).code).toBe(0);
    return aws;
  };

  const runScript = async (interpreter: string, file: string, source: string) => {
    await writeFile(join(work, file), source);
    const run = await runCommand(interpreter, [join(work, file)], { cwd: work, maxBuffer: 16 * MB });
    // A script that ran through is judged by its output alone (interpreters may warn on stderr).
    return run.code === 0 ? { ...run, stderr: '' } : run;
  };

  suite.beforeStop(() => storage?.destroy());

  beforeAll(async () => {
    base = suite.gatewayUrl;
    storage = testObjectStorage(suite.infra.env);
    work = await mkdtemp(join(tmpdir(), 's3api-e2e-'));
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('GET /s3/credentials: the five values, stable, for kikaku_s3 keys only; admin rotation replaces them', async () => {
    const { id, key, creds } = await freshKey();
    expect(creds).toEqual({
      endpoint: `${base}/s3-api`,
      region: 'us-east-1',
      bucket: `kikaku-${id}`,
      access_key_id: expect.stringMatching(/^AKKS[A-Z2-7]{16}$/),
      secret_access_key: expect.stringMatching(/^[A-Za-z0-9]{40}$/),
    });
    expect(await (await bearer(key, '/s3/credentials')).json()).toEqual(creds);
    const image = await bearer(suite.team('team-a').keys.kikaku!.key!, '/s3/credentials');
    expect(image.status).toBe(403);
    const rotated = await admin(`/teams/${suite.team('team-a').teamId}/api-keys/${id}/s3-credentials/rotate`, {
      method: 'POST',
    });
    expect(rotated.status).toBe(200);
    const fresh = (await rotated.json()) as { access_key_id: string };
    expect(fresh.access_key_id).not.toBe(creds.access_key_id);
    expect(((await (await bearer(key, '/s3/credentials')).json()) as S3ClientCredentials).access_key_id).toBe(
      fresh.access_key_id,
    );
  });

  it('the AWS CLI as the seed shows it: ls, cp up (small, and 20 MB multipart), cp down, rm, presign; one storage with /s3', async () => {
    const { key, creds } = await freshKey();
    const home = await mkdtemp(join(work, 'cli-'));
    const aws = await configured(creds, home);
    const E = creds.endpoint;
    const B = creds.bucket;

    expect(await aws('s3', 'ls', `s3://${B}`, '--endpoint-url', E)).toMatchObject({ code: 0, stdout: '' });

    const small = Buffer.from('hello from the seed AWS CLI example\n');
    await writeFile(join(work, 'myfile.txt'), small);
    const up = await aws('s3', 'cp', 'myfile.txt', `s3://${B}/myfile.txt`, '--endpoint-url', E);
    expect(up.stderr).toBe('');
    expect(up.code).toBe(0);

    const big = randomBytes(20 * MB);
    await writeFile(join(work, 'big.bin'), big);
    const bigUp = await aws('s3', 'cp', 'big.bin', `s3://${B}/folder/big.bin`, '--endpoint-url', E);
    expect(bigUp.stderr).toBe('');
    expect(bigUp.code).toBe(0);

    const listed = await aws('s3', 'ls', `s3://${B}`, '--endpoint-url', E);
    expect(listed.stdout).toMatch(/PRE folder\//);
    expect(listed.stdout).toMatch(/\s36 myfile\.txt/);
    const recursive = await aws('s3', 'ls', `s3://${B}`, '--recursive', '--endpoint-url', E);
    expect(recursive.stdout).toMatch(new RegExp(`\\s${20 * MB} folder/big\\.bin`));

    await rm(join(work, 'myfile.txt'));
    expect((await aws('s3', 'cp', `s3://${B}/myfile.txt`, './myfile.txt', '--endpoint-url', E)).code).toBe(0);
    expect((await readFile(join(work, 'myfile.txt'))).equals(small)).toBe(true);
    expect((await aws('s3', 'cp', `s3://${B}/folder/big.bin`, './big-down.bin', '--endpoint-url', E)).code).toBe(0);
    expect(sha(await readFile(join(work, 'big-down.bin')))).toBe(sha(big));

    // One storage: the REST proxy sees what the CLI put, and the CLI sees what the proxy put.
    const files = (await (await bearer(key, '/s3/files')).json()) as { files: { key: string; size: number }[] };
    expect(files.files.map((f) => [f.key, f.size])).toEqual([
      ['folder/big.bin', 20 * MB],
      ['myfile.txt', small.length],
    ]);
    expect(await usage(key)).toMatchObject({ used_bytes: 20 * MB + small.length, reserved_bytes: 0, file_count: 2 });
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(Buffer.from('via rest'))]), 'rest.txt');
    form.append('key', 'rest.txt');
    expect((await bearer(key, '/s3/upload', { method: 'POST', body: form })).status).toBe(200);
    expect((await aws('s3', 'ls', `s3://${B}`, '--endpoint-url', E)).stdout).toMatch(/\s8 rest\.txt/);

    const presigned = await aws('s3', 'presign', `s3://${B}/myfile.txt`, '--endpoint-url', E);
    expect(presigned.code).toBe(0);
    const url = presigned.stdout.trim();
    const plain = await fetch(url);
    expect(plain.status).toBe(200);
    expect(Buffer.from(await plain.arrayBuffer()).equals(small)).toBe(true);
    const tampered = await fetch(url.replace('myfile.txt', 'rest.txt'));
    expect(tampered.status).toBe(403);
    expect(await tampered.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
    const short = await aws('s3', 'presign', `s3://${B}/myfile.txt`, '--expires-in', '1', '--endpoint-url', E);
    await new Promise((r) => setTimeout(r, 2100));
    const expired = await fetch(short.stdout.trim());
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('<Code>AccessDenied</Code>');

    expect((await aws('s3', 'rm', `s3://${B}/myfile.txt`, '--endpoint-url', E)).code).toBe(0);
    expect(await usage(key)).toMatchObject({ used_bytes: 20 * MB + 8, file_count: 2 });
    expect((await storage.list({ prefix: 's3api-multipart/', limit: 10 })).objects).toEqual([]);
  }, 120_000);

  it('boto3 as the seed shows it: upload_file, download_file, list_objects_v2', async () => {
    const { creds } = await freshKey();
    await writeFile(join(work, 'myfile.txt'), 'boto3 seed file\n');
    const script = `import boto3
s3 = boto3.client('s3',
    endpoint_url='${creds.endpoint}',
    aws_access_key_id='${creds.access_key_id}',
    aws_secret_access_key='${creds.secret_access_key}',
    region_name='${creds.region}')
# Upload
s3.upload_file('myfile.txt', '${creds.bucket}', 'myfile.txt')
# Download
s3.download_file('${creds.bucket}', 'myfile.txt', './myfile-boto.txt')
# List
response = s3.list_objects_v2(Bucket='${creds.bucket}')
for obj in response.get('Contents', []):
    print(obj['Key'], obj['Size'])
`;
    const run = await runScript(PYTHON, 'seed_boto3.py', script);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('myfile.txt 16\n');
    expect(await readFile(join(work, 'myfile-boto.txt'), 'utf8')).toBe('boto3 seed file\n');
  }, 60_000);

  it('@aws-sdk/client-s3 as the seed shows it: PutObjectCommand, ListObjectsV2Command (forcePathStyle)', async () => {
    const { key, creds } = await freshKey();
    await writeFile(join(work, 'myfile.txt'), 'aws-sdk seed file\n');
    const script = `const { S3Client, PutObjectCommand, ListObjectsV2Command } = require('@aws-sdk/client-s3');
const fs = require('fs');
const s3 = new S3Client({
  endpoint: '${creds.endpoint}',
  region: '${creds.region}',
  credentials: {
    accessKeyId: '${creds.access_key_id}',
    secretAccessKey: '${creds.secret_access_key}',
  },
  forcePathStyle: true,
});
(async () => {
  // Upload
  await s3.send(new PutObjectCommand({
    Bucket: '${creds.bucket}',
    Key: 'myfile.txt',
    Body: fs.readFileSync('myfile.txt'),
  }));
  // List
  const { Contents } = await s3.send(new ListObjectsV2Command({
    Bucket: '${creds.bucket}',
  }));
  Contents.forEach(obj => console.log(obj.Key, obj.Size));
})().catch((e) => { console.error(e.name, e.message); process.exit(1); });
`;
    const file = join(ROOT, 'node_modules', '.s3api-seed-sdk.cjs');
    // In the repository's node_modules, so that require('@aws-sdk/client-s3') resolves; run in the work directory.
    await writeFile(file, script);
    const run = await exec(process.execPath, ['--no-warnings', file], { cwd: work }).then(
      (r) => ({ stdout: r.stdout, stderr: r.stderr }),
      (e: { stdout?: string; stderr?: string }) => ({ stdout: e.stdout ?? '', stderr: e.stderr ?? 'failed' }),
    );
    await rm(file, { force: true });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('myfile.txt 18\n');
    expect(await usage(key)).toMatchObject({ used_bytes: 18, file_count: 1 });
  }, 60_000);

  it('boto3 across the operations: metadata, Range, conditionals, copy, V1/V2 paging, DeleteObjects, multipart, errors', async () => {
    const { key, creds } = await freshKey();
    const script = `import base64, hashlib, json, boto3
from botocore.exceptions import ClientError
s3 = boto3.client('s3', endpoint_url='${creds.endpoint}', aws_access_key_id='${creds.access_key_id}',
    aws_secret_access_key='${creds.secret_access_key}', region_name='${creds.region}')
B = '${creds.bucket}'
out = {}
def code(f):
    try:
        f()
        return 'ok'
    except ClientError as e:
        return e.response['Error']['Code']
body = b'0123456789abcdef'
md5 = base64.b64encode(hashlib.md5(body).digest()).decode()
s3.put_object(Bucket=B, Key='dir/a.txt', Body=body, ContentMD5=md5, Metadata={'color': 'blue'}, ContentType='text/plain')
head = s3.head_object(Bucket=B, Key='dir/a.txt')
out['meta'] = head['Metadata']
out['type'] = head['ContentType']
out['range'] = s3.get_object(Bucket=B, Key='dir/a.txt', Range='bytes=2-5')['Body'].read().decode()
out['not_modified'] = code(lambda: s3.get_object(Bucket=B, Key='dir/a.txt', IfNoneMatch=head['ETag']))
out['precondition'] = code(lambda: s3.get_object(Bucket=B, Key='dir/a.txt', IfMatch='"nope"'))
out['bad_md5'] = code(lambda: s3.put_object(Bucket=B, Key='bad.txt', Body=body, ContentMD5=base64.b64encode(b'x' * 16).decode()))
s3.copy_object(Bucket=B, Key='dir/b.txt', CopySource={'Bucket': B, 'Key': 'dir/a.txt'})
out['copied'] = s3.get_object(Bucket=B, Key='dir/b.txt')['Body'].read().decode()
out['copied_meta'] = s3.head_object(Bucket=B, Key='dir/b.txt')['Metadata']
out['copy_other_bucket'] = code(lambda: s3.copy_object(Bucket=B, Key='x.txt', CopySource={'Bucket': 'kikaku-00000000-0000-0000-0000-000000000000', 'Key': 'a'}))
s3.put_object(Bucket=B, Key='top.txt', Body=b'top')
v1 = s3.list_objects(Bucket=B, Delimiter='/')
out['v1'] = [[c['Key'] for c in v1.get('Contents', [])], [p['Prefix'] for p in v1.get('CommonPrefixes', [])]]
keys, token = [], None
while True:
    page = s3.list_objects_v2(Bucket=B, MaxKeys=1, **({'ContinuationToken': token} if token else {}))
    keys += [c['Key'] for c in page.get('Contents', [])]
    if not page['IsTruncated']:
        break
    token = page['NextContinuationToken']
out['v2_paged'] = keys
out['start_after'] = [c['Key'] for c in s3.list_objects_v2(Bucket=B, StartAfter='dir/b.txt').get('Contents', [])]
out['prefix'] = [c['Key'] for c in s3.list_objects_v2(Bucket=B, Prefix='dir/').get('Contents', [])]
marker_page = s3.list_objects(Bucket=B, MaxKeys=1)
out['v1_marker'] = [c['Key'] for c in s3.list_objects(Bucket=B, Marker=marker_page['Contents'][0]['Key']).get('Contents', [])]
# multipart: a 5 MiB part, a small last part, a copied part
up = s3.create_multipart_upload(Bucket=B, Key='mp.bin', ContentType='application/x-test', Metadata={'k': 'v'})
uid = up['UploadId']
p1 = b'a' * (5 * 1024 * 1024)
e1 = s3.upload_part(Bucket=B, Key='mp.bin', UploadId=uid, PartNumber=1, Body=p1)['ETag']
e2 = s3.upload_part_copy(Bucket=B, Key='mp.bin', UploadId=uid, PartNumber=2, CopySource={'Bucket': B, 'Key': 'dir/a.txt'}, CopySourceRange='bytes=0-3')['CopyPartResult']['ETag']
out['list_parts'] = [[p['PartNumber'], p['Size']] for p in s3.list_parts(Bucket=B, Key='mp.bin', UploadId=uid)['Parts']]
out['uploads'] = [u['Key'] for u in s3.list_multipart_uploads(Bucket=B).get('Uploads', [])]
out['invalid_part'] = code(lambda: s3.complete_multipart_upload(Bucket=B, Key='mp.bin', UploadId=uid, MultipartUpload={'Parts': [{'PartNumber': 1, 'ETag': '"00"'}]}))
out['part_order'] = code(lambda: s3.complete_multipart_upload(Bucket=B, Key='mp.bin', UploadId=uid, MultipartUpload={'Parts': [{'PartNumber': 2, 'ETag': e2}, {'PartNumber': 1, 'ETag': e1}]}))
s3.complete_multipart_upload(Bucket=B, Key='mp.bin', UploadId=uid, MultipartUpload={'Parts': [{'PartNumber': 1, 'ETag': e1}, {'PartNumber': 2, 'ETag': e2}]})
got = s3.get_object(Bucket=B, Key='mp.bin')
data = got['Body'].read()
out['mp'] = [len(data), data[-4:].decode(), got['ContentType'], got['Metadata']]
out['completed_again'] = code(lambda: s3.complete_multipart_upload(Bucket=B, Key='mp.bin', UploadId=uid, MultipartUpload={'Parts': [{'PartNumber': 1, 'ETag': e1}]}))
ab = s3.create_multipart_upload(Bucket=B, Key='aborted.bin')['UploadId']
s3.upload_part(Bucket=B, Key='aborted.bin', UploadId=ab, PartNumber=1, Body=b'z' * 1000)
s3.abort_multipart_upload(Bucket=B, Key='aborted.bin', UploadId=ab)
out['after_abort'] = code(lambda: s3.list_parts(Bucket=B, Key='aborted.bin', UploadId=ab))
out['no_such_upload'] = code(lambda: s3.upload_part(Bucket=B, Key='x', UploadId='nope', PartNumber=1, Body=b'x'))
deleted = s3.delete_objects(Bucket=B, Delete={'Objects': [{'Key': 'dir/b.txt'}, {'Key': 'never.txt'}]})
out['deleted'] = sorted(d['Key'] for d in deleted.get('Deleted', []))
out['no_such_key'] = code(lambda: s3.get_object(Bucket=B, Key='dir/b.txt'))
out['head_missing'] = code(lambda: s3.head_object(Bucket=B, Key='never.txt'))
out['bad_key'] = code(lambda: s3.put_object(Bucket=B, Key='a/../b', Body=b'x'))
out['location'] = s3.get_bucket_location(Bucket=B)['LocationConstraint']
out['buckets'] = [b['Name'] for b in s3.list_buckets()['Buckets']]
out['head_bucket'] = code(lambda: s3.head_bucket(Bucket=B))
out['tagging'] = code(lambda: s3.get_object_tagging(Bucket=B, Key='top.txt'))
print(json.dumps(out))
`;
    const run = await runScript(PYTHON, 'ops_boto3.py', script);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      meta: { color: 'blue' },
      type: 'text/plain',
      range: '2345',
      not_modified: '304',
      precondition: '412',
      bad_md5: 'BadDigest',
      copied: '0123456789abcdef',
      copied_meta: { color: 'blue' },
      copy_other_bucket: 'AccessDenied',
      v1: [['top.txt'], ['dir/']],
      v2_paged: ['dir/a.txt', 'dir/b.txt', 'top.txt'],
      start_after: ['top.txt'],
      prefix: ['dir/a.txt', 'dir/b.txt'],
      v1_marker: ['dir/b.txt', 'top.txt'],
      list_parts: [
        [1, 5 * MB],
        [2, 4],
      ],
      uploads: ['mp.bin'],
      invalid_part: 'InvalidPart',
      part_order: 'InvalidPartOrder',
      mp: [5 * MB + 4, '0123', 'application/x-test', { k: 'v' }],
      completed_again: 'NoSuchUpload',
      after_abort: 'NoSuchUpload',
      no_such_upload: 'NoSuchUpload',
      deleted: ['dir/b.txt', 'never.txt'],
      no_such_key: 'NoSuchKey',
      head_missing: '404',
      bad_key: 'InvalidArgument',
      location: null,
      buckets: [creds.bucket],
      head_bucket: 'ok',
      tagging: 'NotImplemented',
    });
    expect(await usage(key)).toMatchObject({ used_bytes: 16 + 3 + 5 * MB + 4, reserved_bytes: 0, file_count: 3 });
    expect((await storage.list({ prefix: 's3api-multipart/', limit: 10 })).objects).toEqual([]);
  }, 90_000);

  it('refusals: wrong secret, unknown access key, another key’s bucket, a skewed clock, unsupported operations', async () => {
    const mine = await freshKey();
    const other = await freshKey();
    const sdk = (
      creds: Partial<S3ClientCredentials> & { offset?: number },
      body: string,
    ) => `const { S3Client, ListObjectsV2Command, GetBucketPolicyCommand } = require('@aws-sdk/client-s3');
const c = ${JSON.stringify({ ...mine.creds, ...creds })};
const s3 = new S3Client({ endpoint: c.endpoint, region: c.region, forcePathStyle: true, maxAttempts: 1,
  credentials: { accessKeyId: c.access_key_id, secretAccessKey: c.secret_access_key }, ...(c.offset ? { systemClockOffset: c.offset } : {}) });
(async () => { ${body} })().then(() => console.log('ok'), (e) => console.log(e.name, e.$metadata && e.$metadata.httpStatusCode));
`;
    const list = (bucket: string) => `await s3.send(new ListObjectsV2Command({ Bucket: '${bucket}' }));`;
    // Scripts resolve @aws-sdk/client-s3 from the repository.
    const inRepo = async (creds: Partial<S3ClientCredentials> & { offset?: number }, body: string) => {
      const file = join(ROOT, 'node_modules', `.s3api-refusal-${randomBytes(4).toString('hex')}.cjs`);
      await writeFile(file, sdk(creds, body));
      try {
        return (await exec(process.execPath, [file], { cwd: ROOT })).stdout.trim();
      } finally {
        await rm(file, { force: true });
      }
    };
    expect(await inRepo({}, list(mine.creds.bucket))).toBe('ok');
    expect(await inRepo({ secret_access_key: 'x'.repeat(40) }, list(mine.creds.bucket))).toBe(
      'SignatureDoesNotMatch 403',
    );
    expect(await inRepo({ access_key_id: 'AKKSAAAAAAAAAAAAAAAA' }, list(mine.creds.bucket))).toBe(
      'InvalidAccessKeyId 403',
    );
    expect(await inRepo({}, list(other.creds.bucket))).toBe('AccessDenied 403');
    expect(await inRepo({}, list('no-such-bucket'))).toBe('NoSuchBucket 404');
    // A revoked key's credentials stop working within the key-cache TTL (500 ms in tests).
    const revoked = await admin(`/teams/${suite.team('team-a').teamId}/api-keys/${other.id}`, { method: 'DELETE' });
    expect(revoked.status).toBe(200);
    await new Promise((r) => setTimeout(r, 700));
    expect(await inRepo({ ...other.creds }, list(other.creds.bucket))).toBe('InvalidAccessKeyId 403');
    expect(await inRepo({ offset: -3_600_000 }, list(mine.creds.bucket))).toBe('RequestTimeTooSkewed 403');
    expect(await inRepo({}, `await s3.send(new GetBucketPolicyCommand({ Bucket: '${mine.creds.bucket}' }));`)).toBe(
      'NotImplemented 501',
    );
    const anonymous = await fetch(`${mine.creds.endpoint}/${mine.creds.bucket}`);
    expect(anonymous.status).toBe(403);
    expect(await anonymous.text()).toMatch(/<Error><Code>AccessDenied<\/Code>/);
    // Refused before any route runs (a bad percent-encoding): still S3 XML, never a 500.
    const badUri = await fetch(`${mine.creds.endpoint}/${mine.creds.bucket}/a%zz`);
    expect(badUri.status).toBe(400);
    expect(badUri.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(await badUri.text()).toMatch(/<Error><Code>[A-Za-z]+<\/Code>/);
  }, 60_000);

  it('quota: a PutObject and a multipart upload past the quota are 403 QuotaExceeded with nothing stored; parallel cp never pass it', async () => {
    const { key, creds } = await freshKey(3 * MB);
    const home = await mkdtemp(join(work, 'quota-'));
    const aws = await configured(creds, home);
    const E = creds.endpoint;
    await writeFile(join(work, 'four.bin'), randomBytes(4 * MB));
    const put = await aws(
      's3api',
      'put-object',
      '--bucket',
      creds.bucket,
      '--key',
      'four.bin',
      '--body',
      'four.bin',
      '--endpoint-url',
      E,
    );
    expect(put.code).not.toBe(0);
    expect(put.stderr).toContain('QuotaExceeded');
    await writeFile(join(work, 'twenty.bin'), randomBytes(20 * MB));
    const multipart = await aws('s3', 'cp', 'twenty.bin', `s3://${creds.bucket}/twenty.bin`, '--endpoint-url', E);
    expect(multipart.code).not.toBe(0);
    expect(multipart.stderr).toContain('QuotaExceeded');
    expect(await usage(key)).toMatchObject({ used_bytes: 0, reserved_bytes: 0, file_count: 0 });
    expect((await storage.list({ prefix: 's3api-multipart/', limit: 10 })).objects).toEqual([]);
    const escape = await aws(
      's3api',
      'list-objects-v2',
      '--bucket',
      creds.bucket,
      '--prefix',
      '../',
      '--endpoint-url',
      E,
    );
    expect(escape.stderr).toContain('InvalidArgument');
    expect(
      (await storage.list({ prefix: `s3proxy/${suite.team('team-a').teamId}/`, limit: 1000 })).objects.filter((o) =>
        o.key.includes(creds.bucket.slice('kikaku-'.length)),
      ),
    ).toEqual([]);

    await writeFile(join(work, 'part.bin'), randomBytes(700 * 1024));
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        aws('s3', 'cp', 'part.bin', `s3://${creds.bucket}/p${i}.bin`, '--endpoint-url', E),
      ),
    );
    const stored = results.filter((r) => r.code === 0).length;
    expect(stored).toBe(4);
    const after = await usage(key);
    expect(after.used_bytes).toBe(stored * 700 * 1024);
    expect(after.used_bytes).toBeLessThanOrEqual(3 * MB);
    expect(after.reserved_bytes).toBe(0);
  }, 120_000);
});
