// Seed 003 `GET /files/{path}?type=webp`: latency of the gateway's answer (302 to the variant) the
// first time a source is asked for (cold: image-ops reads the source, converts it with sharp at
// quality 90 and stores the variant) versus repeat requests (cached: the variant exists, no
// conversion). Sources are generated 2–4 MP JPEGs uploaded through the seed's presigned PUT flow.
// Real processes and infrastructure; figures are reported, never asserted.
import { createRequire } from 'node:module';
import { percentile, root, summarize, writeResult } from './bench-kit.mjs';

const require = createRequire(import.meta.url);
const { createTestInfra, PlatformProcesses, TEST_ADMIN_TOKEN } = require(`${root}/libs/testing/dist/index.js`);
const sharp = require('sharp');

const SOURCES = Number(process.env.BENCH_VARIANT_SOURCES ?? 50);
const REPEATS = Number(process.env.BENCH_VARIANT_REPEATS ?? 5);
/** Width × height of the generated sources, cycled: 2.0, 3.1 and 3.8 megapixels. */
const SIZES = [
  [1632, 1224],
  [2048, 1536],
  [2400, 1600],
];

/** A photo-like JPEG: gradients plus per-pixel noise (a flat colour would compress to nothing). */
async function sourceImage(i) {
  const [width, height] = SIZES[i % SIZES.length];
  const raw = Buffer.alloc(width * height * 3);
  let seed = (i + 1) * 2654435761;
  for (let y = 0, o = 0; y < height; y++) {
    for (let x = 0; x < width; x++, o += 3) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const noise = (seed >>> 24) & 63;
      raw[o] = ((x * 255) / width + noise + i * 7) & 255;
      raw[o + 1] = ((y * 255) / height + noise) & 255;
      raw[o + 2] = (((x + y) * 128) / (width + height) + noise * 2) & 255;
    }
  }
  const bytes = await sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
  return { bytes, width, height };
}

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
  await request(warm.file_url, 'miss');
  await request(warm.file_url, 'hit');

  const conversionsBefore = await conversions();
  const cold = [];
  for (const url of fileUrls) cold.push(await request(url, 'miss'));
  const conversionsAfterCold = await conversions();
  const cached = [];
  for (let r = 0; r < REPEATS; r++) for (const url of fileUrls) cached.push(await request(url, 'hit'));
  const conversionsAfterCached = await conversions();

  const coldSummary = summarize(cold);
  const cachedSummary = summarize(cached);
  const sortedBytes = [...sourceBytes].sort((a, b) => a - b);
  writeResult('media-variants', {
    sources: SOURCES,
    source_megapixels: [...new Set(megapixels.map((m) => Math.round(m * 100) / 100))],
    source_jpeg_mb: {
      p50: Math.round((percentile(sortedBytes, 50) / 2 ** 20) * 100) / 100,
      max: Math.round((sortedBytes.at(-1) / 2 ** 20) * 100) / 100,
    },
    cold: coldSummary,
    cached: { repeats_per_source: REPEATS, ...cachedSummary },
    cold_over_cached_p50: Math.round((coldSummary.p50_ms / cachedSummary.p50_ms) * 10) / 10,
    conversions: {
      during_cold: conversionsAfterCold - conversionsBefore,
      during_cached: conversionsAfterCached - conversionsAfterCold,
    },
    note: 'Sequential requests (one at a time). Latency = until the gateway answers 302 with the variant URL; cold includes image-ops reading the source from the embedded S3, the sharp conversion (webp, quality 90) and storing the variant. Client, gateway, files, image-ops, quota-billing and the embedded S3 share this 2-core machine.',
  });
} finally {
  await platform.stopAll();
  await infra.dispose();
}
