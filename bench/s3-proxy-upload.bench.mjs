// S3 proxy (seed 002): upload throughput through the gateway and the gateway's memory while a
// 50 MB file streams through it (target: peak RSS growth < 64 MB). Reported, never asserted.
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { root, storageKey, withPeakRss, writeResult } from './bench-kit.mjs';

const require = createRequire(import.meta.url);
const { createTestInfra, freePort, PlatformProcesses, createTeamWithKeys, TEST_ADMIN_TOKEN } = require(
  `${root}/libs/testing/dist/index.js`,
);

const FILE_BYTES = Number(process.env.BENCH_FILE_MB ?? 50) * 1024 * 1024;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const infra = await createTestInfra({ s3: true });
const metricsPort = await freePort();
const platform = await PlatformProcesses.start({ ...infra.env, LOG_LEVEL: 'warn', METRICS_PORT: String(metricsPort) }, [
  'quota-billing',
  'gateway',
]);
try {
  const base = platform.gatewayUrl;
  const { key } = await storageKey(base, TEST_ADMIN_TOKEN, createTeamWithKeys, 4 * 1024 ** 3);
  const file = randomBytes(FILE_BYTES);
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const form = new FormData();
    form.append('file', new Blob([file]), `bench-${i}.bin`);
    const {
      result: res,
      seconds,
      rssGrowthMb,
    } = await withPeakRss(`http://127.0.0.1:${metricsPort}/metrics`, () =>
      fetch(`${base}/s3/upload`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form }),
    );
    if (res.status !== 200) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
    runs.push({
      seconds: Math.round(seconds * 1000) / 1000,
      mb_per_s: Math.round((FILE_BYTES / 2 ** 20 / seconds) * 10) / 10,
      rss_growth_mb: rssGrowthMb,
    });
  }
  writeResult('s3-proxy-upload', {
    file_mb: FILE_BYTES / 2 ** 20,
    runs,
    best_mb_per_s: Math.max(...runs.map((r) => r.mb_per_s)),
    peak_rss_growth_mb: Math.max(...runs.map((r) => r.rss_growth_mb)),
    target: 'peak RSS growth < 64 MB while streaming a 50 MB file',
    note: 'Client, gateway, quota-billing and the embedded S3 share this machine; RSS sampled from /metrics every 50 ms.',
  });
} finally {
  await platform.stopAll();
  await infra.dispose();
}
