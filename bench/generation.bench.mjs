// Image generation (seed 002 `POST /v1/images/generations`), reported, never asserted:
// (a) what the platform adds to a provider call: requests through gateway → broker → a zero-latency
//     fake Ark server (answers a pre-encoded JPEG at once), minus the same call made straight to that
//     server; p50/p95 of the added ms at 1K (target p95 < 15 ms);
// (b) images/s end to end with the embedded `local` provider at 1K and 2K.
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { root, runConcurrent, summarize, writeResult } from './bench-kit.mjs';

const require = createRequire(import.meta.url);
const { createTestInfra, PlatformProcesses, createTeamWithKeys, TEST_ADMIN_TOKEN } = require(
  `${root}/libs/testing/dist/index.js`,
);
const sharp = require(require.resolve('sharp', { paths: [`${root}/apps/generation-broker`] }));

const OVERHEAD_REQUESTS = Number(process.env.BENCH_GENERATION_REQUESTS ?? 200);
const WARMUP = 20;
const LOCAL_IMAGES = Number(process.env.BENCH_GENERATION_IMAGES ?? 60);
const CONCURRENCY = Number(process.env.BENCH_GENERATION_CONCURRENCY ?? 4);
const LOAD_AT_START = loadavg()[0];

const jpeg1k = await sharp({ create: { width: 1024, height: 1024, channels: 3, background: '#4477aa' } })
  .jpeg()
  .toBuffer();
const arkAnswer = JSON.stringify({
  model: 'seedream-4-0-250828',
  created: 1,
  data: [{ b64_json: jpeg1k.toString('base64'), size: '1024x1024' }],
  usage: { generated_images: 1, output_tokens: 4096, total_tokens: 4096 },
});
const fakeArk = createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(arkAnswer));
});
await new Promise((resolve) => fakeArk.listen(0, '127.0.0.1', resolve));
const arkPort = fakeArk.address().port;
const arkUrl = `http://127.0.0.1:${arkPort}`;

const infra = await createTestInfra({ s3: true });
const platformEnv = (extra) => ({
  ...infra.env,
  LOG_LEVEL: 'warn',
  GENERATION_RATE_LIMIT: '0',
  OUTBOUND_ALLOWLIST: '127.0.0.1',
  OUTBOUND_ALLOWED_PORTS: `80,443,${arkPort}`,
  ...extra,
});
const APPS = ['quota-billing', 'generation-broker', 'gateway'];

/** A client of one running platform: keys rotate every 400 images (the models allow 500 per minute per key). */
async function clientOf(platform, label, images) {
  const base = platform.gatewayUrl;
  const keys = [];
  for (let i = 0; i < Math.ceil(images / 400); i++) {
    const team = await createTeamWithKeys(base, `bench-gen-${label}-${i}`, ['kikaku']);
    await fetch(`${base}/admin/v1/teams/${team.teamId}/api-keys/${team.keys.kikaku.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ quota_limit: 1_000_000 }),
    });
    keys.push(team.keys.kikaku.key);
  }
  let used = 0;
  return async (body) => {
    const res = await fetch(`${base}/v1/images/generations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keys[Math.floor(used++ / 400)]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ response_format: 'url', watermark: false, ...body }),
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`generation failed: ${res.status} ${text}`);
  };
}

/** Mean handler time per RPC subject, from an app's own `rpc_handler_duration_seconds` histogram. */
async function rpcMeans(platform, app, subjects) {
  const text = await (await fetch(`${platform.url(app)}/metrics`)).text();
  const total = (kind, subject) =>
    [
      ...text.matchAll(
        new RegExp(
          `^rpc_handler_duration_seconds_${kind}\\{[^}]*subject="${subject.replaceAll('.', '\\.')}"[^}]*\\} ([0-9.e+-]+)`,
          'gm',
        ),
      ),
    ].reduce((sum, m) => sum + Number(m[1]), 0);
  return Object.fromEntries(
    subjects.map((subject) => {
      const count = total('count', subject);
      return [
        subject,
        { calls: count, mean_ms: count ? Math.round((total('sum', subject) / count) * 1e5) / 100 : null },
      ];
    }),
  );
}

async function measureOverhead() {
  const platform = await PlatformProcesses.start(
    platformEnv({
      GENERATION_PROVIDERS: 'seedream-4.0=ark,*=local',
      ARK_BASE_URL: arkUrl,
      ARK_API_KEY: 'bench-ark-key',
    }),
    APPS,
  );
  try {
    const generate = await clientOf(platform, 'ark', OVERHEAD_REQUESTS + WARMUP);
    const direct = async () => {
      const res = await fetch(`${arkUrl}/api/v3/images/generations`, {
        method: 'POST',
        headers: { authorization: 'Bearer bench-ark-key', 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'seedream-4-0-250828', prompt: 'bench', size: '1024x1024' }),
      });
      await res.arrayBuffer();
    };
    const body = { model: 'seedream-4.0', prompt: 'A lighthouse at dusk', size: '1024x1024' };
    for (let i = 0; i < WARMUP; i++) await generate(body);
    const through = [];
    const straight = [];
    for (let i = 0; i < OVERHEAD_REQUESTS; i++) {
      let t0 = performance.now();
      await direct();
      straight.push(performance.now() - t0);
      t0 = performance.now();
      await generate(body);
      through.push(performance.now() - t0);
    }
    const direct_provider = summarize(straight);
    const through_platform = summarize(through);
    const delta = (p) => Math.round((through_platform[p] - direct_provider[p]) * 100) / 100;
    const handlers = {
      ...(await rpcMeans(platform, 'quota-billing', ['billing.images.reserve', 'billing.images.settle'])),
      ...(await rpcMeans(platform, 'generation-broker', ['generation.images.generate'])),
    };
    return {
      handler_means_incl_warmup: handlers,
      requests: OVERHEAD_REQUESTS,
      warmup_excluded: WARMUP,
      direct_provider,
      through_platform,
      added: { p50_ms: delta('p50_ms'), p95_ms: delta('p95_ms') },
      target: 'added p95 < 15 ms at 1K',
    };
  } finally {
    await platform.stopAll();
  }
}

async function measureLocal() {
  const platform = await PlatformProcesses.start(platformEnv({}), APPS);
  try {
    const generate = await clientOf(platform, 'local', 2 * (LOCAL_IMAGES + 1));
    const run = async (body) => {
      await generate(body);
      const result = await runConcurrent({ total: LOCAL_IMAGES, concurrency: CONCURRENCY, task: () => generate(body) });
      const images = LOCAL_IMAGES - result.errors;
      return {
        model: body.model,
        size: body.size,
        images,
        errors: result.errors,
        seconds: Math.round(result.seconds * 100) / 100,
        images_per_s: Math.round((images / result.seconds) * 100) / 100,
        latency: summarize(result.latencies),
      };
    };
    const prompt = 'A magical forest with glowing mushrooms';
    return [
      await run({ model: 'seedream-4.0', prompt, size: '1K' }),
      await run({ model: 'seedream-4.5', prompt, size: '2K' }),
    ];
  } finally {
    await platform.stopAll();
  }
}

try {
  const overhead_1k = await measureOverhead();
  const runs = await measureLocal();
  writeResult('generation', {
    load_1m: { start: LOAD_AT_START, end: loadavg()[0] },
    overhead_1k,
    local_provider: { concurrency: CONCURRENCY, runs },
    note:
      'Client, gateway, broker, quota-billing, Postgres, Redis, NATS and the embedded S3 share this machine. ' +
      'The overhead run is sequential: each platform request is paired with a direct call to the same fake Ark ' +
      'server; the platform validates, calls the provider, stores the image, announces it and signs a 24 h URL.',
  });
} finally {
  await infra.dispose();
  fakeArk.close();
}
