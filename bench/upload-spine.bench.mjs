// Issue 2 benchmark: (a) upload-url requests/s through gateway → files at concurrency 32;
// (b) upload-complete → searchable latency over 1,000 uploads. Real processes, real infrastructure.
import { createRequire } from 'node:module';
import { runConcurrent, summarize, writeResult, root } from './bench-kit.mjs';

const require = createRequire(import.meta.url);
const { createTestInfra, PlatformProcesses, createTeamWithKeys } = require(`${root}/libs/testing/dist/index.js`);

const UPLOAD_URL_REQUESTS = Number(process.env.BENCH_UPLOAD_URL_REQUESTS ?? 20_000);
const SEARCHABLE_UPLOADS = Number(process.env.BENCH_SEARCHABLE_UPLOADS ?? 1000);
const SEARCHABLE_CONCURRENCY = Number(process.env.BENCH_SEARCHABLE_CONCURRENCY ?? 4);
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 10);
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cf00000301010018dd8db40000000049454e44ae426082',
  'hex',
);

const infra = await createTestInfra({ s3: true });
const platform = await PlatformProcesses.start({ ...infra.env, LOG_LEVEL: 'warn', DB_POOL_SIZE: '20' }, [
  'quota-billing',
  'files',
  'search-indexer',
  'gateway',
]);
try {
  const team = await createTeamWithKeys(platform.gatewayUrl, 'bench', ['cdt']);
  const apiKey = team.keys.cdt.key;
  const headers = { 'X-API-Key': apiKey, 'Content-Type': 'application/json' };
  const uploadUrl = (body) =>
    fetch(`${platform.gatewayUrl}/v1/files/upload-url`, { method: 'POST', headers, body: JSON.stringify(body) });

  // warm-up
  await runConcurrent({
    total: 500,
    concurrency: 32,
    task: async (i) => {
      const r = await uploadUrl({ filename: `w${i}.png`, folder: 'warmup' });
      await r.arrayBuffer();
    },
  });

  const a = await runConcurrent({
    total: UPLOAD_URL_REQUESTS,
    concurrency: 32,
    task: async (i) => {
      const res = await uploadUrl({
        filename: `photo_${i}.png`,
        folder: 'bench/presign',
        metadata: { project: 'bench', tags: ['a', 'b'] },
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(String(res.status));
    },
  });

  const searchable = [];
  const b = await runConcurrent({
    total: SEARCHABLE_UPLOADS,
    concurrency: SEARCHABLE_CONCURRENCY,
    task: async (i) => {
      const folder = `bench/searchable/${i}`;
      const session = await (await uploadUrl({ filename: `img_${i}.png`, folder })).json();
      const form = new FormData();
      for (const [k, v] of Object.entries(session.upload_fields)) form.append(k, v);
      form.append('file', new Blob([PNG], { type: 'image/png' }), `img_${i}.png`);
      const up = await fetch(session.upload_url, { method: 'POST', body: form });
      await up.arrayBuffer();
      const completed = performance.now();
      for (;;) {
        const res = await fetch(`${platform.gatewayUrl}/v1/files/storage/search`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ filters: { folder }, page_size: 1 }),
        });
        const body = await res.json();
        if (body.total === 1) break;
        if (performance.now() - completed > 30_000) throw new Error('not searchable within 30 s');
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
      searchable.push(performance.now() - completed);
    },
  });

  writeResult('upload-spine', {
    upload_url: {
      requests: UPLOAD_URL_REQUESTS,
      concurrency: 32,
      errors: a.errors,
      requests_per_second: Math.round(a.latencies.length / a.seconds),
      latency: summarize(a.latencies),
      target_requests_per_second: 2000,
    },
    upload_complete_to_searchable: {
      uploads: SEARCHABLE_UPLOADS,
      concurrency: SEARCHABLE_CONCURRENCY,
      errors: b.errors,
      latency: summarize(searchable),
      target_p95_ms: 250,
      note: `from the S3 POST response to the first search that returns the file (each uploader polls every ${POLL_MS} ms)`,
    },
  });
} finally {
  await platform.stopAll();
  await infra.dispose();
}
