import {
  createTeamWithKeys,
  createTestInfra,
  freePort,
  PlatformProcesses,
  TEST_ADMIN_TOKEN,
  TestInfra,
} from '@mp/testing';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';

/** A low limit and a short window so the test sees a window run out. */
const LIMIT = 3;
const WINDOW_SECONDS = 4;

type ErrorBody = { error: { code: string; message: string } };

describe('S3 proxy per-key rate limit (seed 002 429, two gateway replicas sharing Redis)', () => {
  let infra: TestInfra;
  let platform: PlatformProcesses;
  let replica: PlatformProcesses;
  /** The replica's internal metrics port (the public one serves no /metrics). */
  let replicaMetricsPort: number;
  let teamId: string;
  let baseA: string;
  let baseB: string;

  const call = (base: string, path: string, key: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, { ...init, headers: { authorization: `Bearer ${key}` } });

  const freshKey = async (): Promise<string> => {
    const res = await fetch(`${baseA}/admin/v1/teams/${teamId}/api-keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'kikaku_s3' }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { key: string }).key;
  };

  const uploadForm = () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([1, 2, 3])]), 'limited.bin');
    return form;
  };

  beforeAll(async () => {
    infra = await createTestInfra({ s3: true });
    const env = {
      ...infra.env,
      S3_PROXY_RATE_LIMIT: String(LIMIT),
      S3_PROXY_RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
      S3_CREDENTIALS_MASTER_KEY: randomBytes(32).toString('base64'),
    };
    platform = await PlatformProcesses.start(env, ['quota-billing', 'gateway']);
    replicaMetricsPort = await freePort();
    replica = await PlatformProcesses.start({ ...env, METRICS_PORT: String(replicaMetricsPort) }, ['gateway']);
    baseA = platform.gatewayUrl;
    baseB = replica.gatewayUrl;
    teamId = (await createTeamWithKeys(baseA, 'rate-limited', [])).teamId;
  });

  afterAll(async () => {
    await replica?.stopAll();
    await platform?.stopAll();
    await infra?.dispose();
  });

  it('answers the request past the limit with 429, the seed error shape and Retry-After; counts are shared by replicas; another key is unaffected; the next window is open again', async () => {
    const key = await freshKey();
    const other = await freshKey();

    // LIMIT requests spread over both replicas are all admitted, each one saying what is left.
    const admitted = [
      await call(baseA, '/s3/usage', key),
      await call(baseB, '/s3/files', key),
      await call(baseA, '/s3/usage', key),
    ];
    expect(admitted.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(admitted.map((r) => r.headers.get('x-ratelimit-remaining'))).toEqual(['2', '1', '0']);
    expect(admitted[0].headers.get('x-ratelimit-limit')).toBe(String(LIMIT));
    expect(admitted[2].headers.get('retry-after')).toBeNull();

    // Request LIMIT + 1, on the other replica, is refused — uploads too, before any byte is stored.
    const refused = await call(baseB, '/s3/usage', key);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    const body = (await refused.json()) as ErrorBody;
    expect(body).toEqual({
      error: {
        code: 'RateLimited',
        message: expect.stringMatching(/^Rate limit exceeded: at most 3 requests per 4 s per key; retry in \d s$/),
      },
    });
    const refusedUpload = await call(baseA, '/s3/upload', key, { method: 'POST', body: uploadForm() });
    expect(refusedUpload.status).toBe(429);
    expect(((await refusedUpload.json()) as ErrorBody).error.code).toBe('RateLimited');

    // Another key of the same team has its own window.
    for (const base of [baseA, baseB]) expect((await call(base, '/s3/usage', other)).status).toBe(200);
    // A request without a valid key is refused as unauthenticated, not counted against anyone.
    expect((await call(baseA, '/s3/usage', 'kikaku_s3_not-a-key')).status).toBe(401);

    // Once the window has passed the key works again, with a fresh allowance; nothing was stored while limited.
    await new Promise((r) => setTimeout(r, retryAfter * 1000 + 250));
    const reopened = await call(baseB, '/s3/usage', key);
    expect(reopened.status).toBe(200);
    expect(reopened.headers.get('x-ratelimit-remaining')).toBe(String(LIMIT - 1));
    expect((await reopened.json()) as { file_count: number; used_bytes: number }).toMatchObject({
      file_count: 0,
      used_bytes: 0,
    });
    const upload = await call(baseA, '/s3/upload', key, { method: 'POST', body: uploadForm() });
    expect(upload.status).toBe(200);

    // Each replica reports its decisions.
    const metrics = await (await fetch(`http://127.0.0.1:${replicaMetricsPort}/metrics`)).text();
    expect(metrics).toMatch(/^rate_limit_decisions_total\{dialect="s3-proxy",outcome="limited",app="gateway"\} 1$/m);
    expect(metrics).toMatch(/^rate_limit_decisions_total\{dialect="s3-proxy",outcome="allowed",app="gateway"\} \d+$/m);
  });

  it('the S3-protocol endpoint counts in the same window of the key and answers SlowDown (503) past it', async () => {
    const key = await freshKey();
    const credentials = (await (await call(baseA, '/s3/credentials', key)).json()) as Record<string, string>;
    // boto3, told not to retry, lists the bucket until the window is full: it reads SlowDown.
    const script = [
      'import sys, boto3',
      'from botocore.config import Config',
      'from botocore.exceptions import ClientError',
      'endpoint, region, key_id, secret, bucket = sys.argv[1:]',
      "s3 = boto3.client('s3', endpoint_url=endpoint, region_name=region, aws_access_key_id=key_id,",
      "                  aws_secret_access_key=secret, config=Config(retries={'max_attempts': 1, 'mode': 'standard'}))",
      'try:',
      '    s3.list_objects_v2(Bucket=bucket)',
      "    print('ok')",
      'except ClientError as e:',
      "    print(e.response['Error']['Code'])",
    ].join('\n');
    const c = credentials;
    // Asynchronously: the embedded S3 server behind the gateway runs in this process.
    const list = async () =>
      (
        await promisify(execFile)(
          '/usr/bin/python3',
          ['-c', script, c.endpoint, c.region, c.access_key_id, c.secret_access_key, c.bucket],
          { timeout: 30_000 },
        )
      ).stdout.trim();
    // In parallel, so all of them land inside the window the credentials request opened.
    const answers = (await Promise.all(Array.from({ length: LIMIT + 1 }, list))).sort();
    // GET /s3/credentials is an /s3 request of the key too: it used one of the window's LIMIT.
    expect(answers).toEqual([...Array(LIMIT - 1).fill('ok'), 'SlowDown', 'SlowDown'].sort());
  });
});
