// Seed 003 `GET /files/{path}?type=webp`: latency of the gateway's answer (302 to the variant) the
// first time a source is asked for (cold: image-ops reads the source, converts it with sharp at
// quality 90 and stores the variant) versus repeat requests (cached: the variant exists, no
// conversion), and raw sharp doing the same conversion on the same bytes in the same run, each cold
// request right after its raw conversion (same load). Sources are generated 2–4 MP JPEGs uploaded
// through the seed's presigned PUT flow. Real processes and infrastructure; figures are reported,
// never asserted.
import { createRequire } from 'node:module';
import { percentile, root, summarize, writeResult } from './bench-kit.mjs';
import { sharp, sourceImage } from './conversion-kit.mjs';
import { ConversionRun } from './conversion-run.mjs';

const require = createRequire(import.meta.url);
const { createTestInfra, PlatformProcesses, TEST_ADMIN_TOKEN, testObjectStorage } = require(
  `${root}/libs/testing/dist/index.js`,
);

const SOURCES = Number(process.env.BENCH_VARIANT_SOURCES ?? 50);
const REPEATS = Number(process.env.BENCH_VARIANT_REPEATS ?? 10);
/** What a sharp user writes for the seed's `format=webp,quality=90`. */
const rawConvert = (bytes) => sharp(bytes).autoOrient().webp({ quality: 90 }).toBuffer();

const infra = await createTestInfra({ s3: true });
const platform = await PlatformProcesses.start({ ...infra.env, LOG_LEVEL: 'warn' }, [
  'quota-billing',
  'files',
  'image-ops',
  'gateway',
]);
try {
  const base = platform.gatewayUrl;
  const admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' };
  const adminPost = async (path, body) => {
    const res = await fetch(`${base}${path}`, { method: 'POST', headers: admin, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const team = await adminPost('/admin/v1/teams', { name: 'bench-variants' });
  const username = 'bench@example.com';
  const password = 'bench-password-0123456789';
  await adminPost(`/admin/v1/teams/${team.id}/accounts`, { username, password });
  const login = await fetch(`${base}/api/v1/login/access-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username, password }).toString(),
  });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
  const { access_token: token } = await login.json();

  const conversions = async () => {
    const text = await (await fetch(`${platform.url('image-ops')}/metrics`)).text();
    const line = text
      .split('\n')
      .find((l) => l.startsWith('image_variant_conversions_total{') && l.includes('format="webp"'));
    return line ? Number(line.split(' ').at(-1)) : 0;
  };

  // Sources: generated, then uploaded with the seed's presigned PUT.
  const fileUrls = [];
  const sources = [];
  const sourceBytes = [];
  const megapixels = [];
  for (let i = 0; i < SOURCES; i++) {
    const { bytes, width, height } = await sourceImage(i);
    const presign = await fetch(`${base}/api/v1/uploads/presigned-url`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        folder: 'bench',
        filename: `source-${i}.jpg`,
        content_type: 'image/jpeg',
        file_size: bytes.length,
      }),
    });
    if (presign.status !== 200) throw new Error(`presigned-url: ${presign.status} ${await presign.text()}`);
    const { upload_url: uploadUrl, file_url: fileUrl } = await presign.json();
    const put = await fetch(uploadUrl, { method: 'PUT', headers: { 'content-type': 'image/jpeg' }, body: bytes });
    if (put.status !== 200) throw new Error(`PUT: ${put.status} ${await put.text()}`);
    fileUrls.push(fileUrl);
    sources.push(bytes);
    sourceBytes.push(bytes.length);
    megapixels.push((width * height) / 1e6);
  }

  /** One `?type=webp` request; the latency is until the 302 arrives (the variant exists by then). */
  const request = async (fileUrl, expected) => {
    const t0 = performance.now();
    const res = await fetch(`${fileUrl}?type=webp`, { redirect: 'manual' });
    const ms = performance.now() - t0;
    await res.arrayBuffer();
    const cache = res.headers.get('x-variant-cache');
    if (res.status !== 302 || cache !== expected)
      throw new Error(`${fileUrl}: ${res.status} x-variant-cache=${cache}, expected 302 ${expected}`);
    return ms;
  };

  // Warm the path (connections, JIT) on one extra source that is not measured.
  const { bytes: warmBytes } = await sourceImage(SOURCES);
  const warm = await (
    await fetch(`${base}/api/v1/uploads/presigned-url`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ folder: 'bench', filename: 'warm.jpg', content_type: 'image/jpeg' }),
    })
  ).json();
  await fetch(warm.upload_url, { method: 'PUT', headers: { 'content-type': 'image/jpeg' }, body: warmBytes });
  await rawConvert(warmBytes);
  await request(warm.file_url, 'miss');
  await request(warm.file_url, 'hit');

  const store = testObjectStorage(infra.env);
  const run = new ConversionRun({ imageOpsUrl: platform.url('image-ops'), stagePath: 'variant', store, rawConvert });
  const conversionsBefore = await conversions();
  await run.coldPass(sources, (i) => request(fileUrls[i], 'miss'));
  const conversionsAfterCold = await conversions();
  // The floor of a hit: the one HEAD of the source it needs, straight from the bench to the store.
  const sourceKeys = fileUrls.map((url) => decodeURIComponent(new URL(url).pathname.replace(/^\/files\//, '')));
  const storeHeads = [];
  await run.cachedPass(REPEATS, SOURCES, async (i) => {
    const ms = await request(fileUrls[i], 'hit');
    const t0 = performance.now();
    if (!(await store.head(sourceKeys[i]))) throw new Error(`${sourceKeys[i]}: not in the store`);
    storeHeads.push(performance.now() - t0);
    return ms;
  });
  const conversionsAfterCached = await conversions();

  const sortedBytes = [...sourceBytes].sort((a, b) => a - b);
  writeResult('media-variants', {
    sources: SOURCES,
    source_jpeg_mb: {
      p50: Math.round((percentile(sortedBytes, 50) / 2 ** 20) * 100) / 100,
      max: Math.round((sortedBytes.at(-1) / 2 ** 20) * 100) / 100,
    },
    ...run.figures({ megapixels, conversion: 'autoOrient().webp({ quality: 90 }), buffer to buffer' }),
    store_head_from_bench: summarize(storeHeads),
    conversions: {
      during_cold: conversionsAfterCold - conversionsBefore,
      during_cached: conversionsAfterCached - conversionsAfterCold,
    },
    note: 'Sequential requests (one at a time); each cold request right after raw sharp converts the same bytes in the bench process. Latency = until the gateway answers 302 with the variant URL; cold includes image-ops reading the source from the embedded S3, the sharp conversion (webp, quality 90) and storing the variant. Client, gateway, files, image-ops, quota-billing and the embedded S3 share this 2-core machine.',
  });
} finally {
  await platform.stopAll();
  await infra.dispose();
}
