// S3 protocol endpoint (seed 002, /s3-api): PUT and GET MB/s of one large object through the
// endpoint and straight to the object store in the same run (target ≥ 0.7×), small-object PUT
// ops/s at concurrency 16, and the gateway's RSS growth during the large transfers. Reported, never asserted.
// Each large transfer runs BENCH_REPEATS times (default 3), direct and endpoint interleaved so that
// both see the same load; the medians are reported. BENCH_S3_BIG_MB (e.g. 1024) adds a phase that
// streams an object of that size up and a range of it down, for the gateway's RSS growth.
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { root, runConcurrent, storageKey, summarize, withPeakRss, writeResult } from './bench-kit.mjs';
import { bigTransfers } from './s3-api-big-transfers.mjs';

const require = createRequire(import.meta.url);
const { createTestInfra, freePort, PlatformProcesses, createTeamWithKeys, TEST_ADMIN_TOKEN } = require(
  `${root}/libs/testing/dist/index.js`,
);
const { S3Client, PutObjectCommand, GetObjectCommand } = require('@aws-sdk/client-s3');

const OBJECT_BYTES = Number(process.env.BENCH_OBJECT_MB ?? 100) * 1024 * 1024;
const SMALL_TOTAL = Number(process.env.BENCH_SMALL_TOTAL ?? 400);
const CONCURRENCY = 16;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const BIG_MB = Number(process.env.BENCH_S3_BIG_MB ?? 0);
const LOAD_AT_START = loadavg()[0];

const infra = await createTestInfra({ s3: true });
const metricsPort = await freePort();
const platform = await PlatformProcesses.start(
  {
    ...infra.env,
    LOG_LEVEL: 'warn',
    METRICS_PORT: String(metricsPort),
    // The endpoint shares the key's /s3 request window; a throughput bench measures without it.
    S3_PROXY_RATE_LIMIT: '0',
    S3_CREDENTIALS_MASTER_KEY: randomBytes(32).toString('base64'),
  },
  ['quota-billing', 'gateway'],
);
const client = (endpoint, accessKeyId, secretAccessKey, region) =>
  new S3Client({
    endpoint,
    region,
    forcePathStyle: true,
    credentials: { accessKeyId, secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
try {
  const base = platform.gatewayUrl;
  const { key } = await storageKey(base, TEST_ADMIN_TOKEN, createTeamWithKeys, 8 * 1024 ** 3);
  const creds = await (await fetch(`${base}/s3/credentials`, { headers: { authorization: `Bearer ${key}` } })).json();
  const viaEndpoint = {
    s3: client(creds.endpoint, creds.access_key_id, creds.secret_access_key, creds.region),
    bucket: creds.bucket,
  };
  const direct = {
    s3: client(infra.env.S3_ENDPOINT, infra.env.S3_ACCESS_KEY_ID, infra.env.S3_SECRET_ACCESS_KEY, 'us-east-1'),
    bucket: infra.env.S3_BUCKET,
  };
  const body = randomBytes(OBJECT_BYTES);
  const metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  // CPU seconds spent by the gateway and by this process (client and embedded store) on a transfer:
  // what it costs, whatever the load did to its wall time.
  const timed = async (bytes, task) => {
    const gatewayCpu = await cpuSeconds(metricsUrl);
    const ownCpu = process.cpuUsage();
    const { seconds, rssGrowthMb } = await withPeakRss(metricsUrl, task);
    const own = process.cpuUsage(ownCpu);
    return {
      mb_per_s: Math.round((bytes / 2 ** 20 / seconds) * 10) / 10,
      gateway_rss_growth_mb: rssGrowthMb,
      gateway_cpu_ms: Math.round(((await cpuSeconds(metricsUrl)) - gatewayCpu) * 1000),
      client_and_store_cpu_ms: Math.round((own.user + own.system) / 1000),
    };
  };
  const put = (t) => () => t.s3.send(new PutObjectCommand({ Bucket: t.bucket, Key: 'large.bin', Body: body }));
  const get = (t) => async () => {
    const out = await t.s3.send(new GetObjectCommand({ Bucket: t.bucket, Key: 'large.bin' }));
    let n = 0;
    for await (const chunk of out.Body) n += chunk.length;
    if (n !== OBJECT_BYTES) throw new Error(`short read: ${n}`);
  };
  const runs = { put_direct: [], put_endpoint: [], get_direct: [], get_endpoint: [] };
  for (let i = 0; i < REPEATS; i++) {
    runs.put_direct.push(await timed(OBJECT_BYTES, put(direct)));
    runs.put_endpoint.push(await timed(OBJECT_BYTES, put(viaEndpoint)));
    runs.get_direct.push(await timed(OBJECT_BYTES, get(direct)));
    runs.get_endpoint.push(await timed(OBJECT_BYTES, get(viaEndpoint)));
  }
  const large = Object.fromEntries(
    Object.entries(runs).map(([name, samples]) => [
      name,
      {
        mb_per_s: median(samples.map((s) => s.mb_per_s)),
        gateway_rss_growth_mb: Math.max(...samples.map((s) => s.gateway_rss_growth_mb)),
        runs_mb_per_s: samples.map((s) => s.mb_per_s),
        gateway_cpu_ms: median(samples.map((s) => s.gateway_cpu_ms)),
        client_and_store_cpu_ms: median(samples.map((s) => s.client_and_store_cpu_ms)),
      },
    ]),
  );
  const big = BIG_MB > 0 ? await bigTransfers(viaEndpoint, BIG_MB, timed) : undefined;
  const small = Buffer.alloc(1024, 'x');
  const smallRun = await runConcurrent({
    total: SMALL_TOTAL,
    concurrency: CONCURRENCY,
    task: (i) =>
      viaEndpoint.s3.send(new PutObjectCommand({ Bucket: viaEndpoint.bucket, Key: `small/${i}`, Body: small })),
  });
  writeResult('s3-api', {
    load_1m: { start: LOAD_AT_START, end: loadavg()[0] },
    object_mb: OBJECT_BYTES / 2 ** 20,
    repeats: REPEATS,
    large,
    put_ratio: Math.round((large.put_endpoint.mb_per_s / large.put_direct.mb_per_s) * 100) / 100,
    get_ratio: Math.round((large.get_endpoint.mb_per_s / large.get_direct.mb_per_s) * 100) / 100,
    // Each repeat's endpoint/direct ratio (the two ran back to back, under about the same load).
    put_ratio_runs: pairRatios(runs.put_endpoint, runs.put_direct),
    get_ratio_runs: pairRatios(runs.get_endpoint, runs.get_direct),
    small_put: {
      concurrency: CONCURRENCY,
      total: SMALL_TOTAL,
      errors: smallRun.errors,
      ops_per_s: Math.round((SMALL_TOTAL - smallRun.errors) / smallRun.seconds),
      latency_ms: summarize(smallRun.latencies),
    },
    ...(big ? { big } : {}),
    target: 'endpoint ≥ 0.7× direct MB/s for PUT and GET; gateway RSS bounded during the large transfers',
    note: 'Client, gateway, quota-billing and the embedded S3 share this 2-core machine; MB/s are medians of the repeats (direct and endpoint interleaved), RSS growth the largest peak over them, sampled from /metrics every 50 ms.',
  });
  viaEndpoint.s3.destroy();
  direct.s3.destroy();
} finally {
  await platform.stopAll();
  await infra.dispose();
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round(((sorted[mid - 1] + sorted[mid]) / 2) * 10) / 10;
}

function pairRatios(endpoint, direct) {
  return endpoint.map((e, i) => Math.round((e.mb_per_s / direct[i].mb_per_s) * 100) / 100);
}

async function cpuSeconds(metricsUrl) {
  const text = await (await fetch(metricsUrl)).text();
  return Number(/^process_cpu_seconds_total(?:\{[^}]*\})? ([\d.e+-]+)/m.exec(text)?.[1] ?? NaN);
}
