// Helpers of the on-request conversion benches (`media-variants`, `realtime-images`): photo-like
// sources, raw sharp timed on the same bytes in the same run, the machine's load.
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { percentile, root, summarize } from './bench-kit.mjs';

const require = createRequire(import.meta.url);
export const sharp = require(`${root}/node_modules/sharp`);
// As image-ops configures it: `IMAGE_THREADS` (default 2) libvips threads, no operation cache.
sharp.concurrency(Number(process.env.IMAGE_THREADS ?? 2));
sharp.cache(false);

/** Width × height of the generated sources, cycled: 2.0, 3.1 and 3.8 megapixels. */
const SIZES = [
  [1632, 1224],
  [2048, 1536],
  [2400, 1600],
];

/** A photo-like JPEG: gradients plus per-pixel noise (a flat colour would compress to nothing). */
export async function sourceImage(i) {
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

/** Milliseconds `convert(bytes)` takes in this process (sharp from a buffer to a buffer). */
export async function timeRaw(convert, bytes) {
  const t0 = performance.now();
  await convert(bytes);
  return performance.now() - t0;
}

/** The 1-, 5- and 15-minute load averages, two decimals. */
export function load() {
  return loadavg().map((v) => Math.round(v * 100) / 100);
}

const ratio = (a, b) => Math.round((a / b) * 100) / 100;

/** libvips settings raw sharp ran with (image-ops runs `IMAGE_THREADS`, default 2, and no cache). */
function sharpSettings() {
  return { concurrency: sharp.concurrency(), cache: false, libvips: sharp.versions.vips };
}

/** `image_on_request_stage_seconds{path}` sums and counts per stage, as image-ops reports them now. */
export async function stageTotals(imageOpsUrl, path) {
  const text = await (await fetch(`${imageOpsUrl}/metrics`)).text();
  const totals = {};
  const line = /^image_on_request_stage_seconds_(sum|count)\{([^}]*)\} (\S+)$/;
  for (const l of text.split('\n')) {
    const m = line.exec(l);
    if (!m || !m[2].includes(`path="${path}"`)) continue;
    const stage = /stage="([^"]+)"/.exec(m[2])?.[1];
    totals[stage] ??= { sum: 0, count: 0 };
    totals[stage][m[1]] = Number(m[3]);
  }
  return totals;
}

/** Mean milliseconds and count per stage between two `stageTotals` snapshots. */
function stageMeans(before, after) {
  const out = {};
  for (const [stage, a] of Object.entries(after)) {
    const b = before[stage] ?? { sum: 0, count: 0 };
    const count = a.count - b.count;
    if (count > 0) out[stage] = { mean_ms: Math.round(((a.sum - b.sum) / count) * 1e5) / 100, count };
  }
  return out;
}

/**
 * What the cold path must do besides the conversion, timed straight from the bench: GET the source
 * (a copy under `bench-floor/`, stored beforehand by `storeFloorCopies`) and PUT a result of the
 * conversion's size. With raw sharp's time this is the floor of a cold request on this machine.
 */
async function timeStoreRoundTrips(store, i, result) {
  const g0 = performance.now();
  const { body } = await store.getStream({ key: `bench-floor/source-${i}` });
  for await (const _ of body);
  const get = performance.now() - g0;
  const p0 = performance.now();
  await store.put({ key: `bench-floor/result-${i}`, body: result, contentType: 'application/octet-stream' });
  return { get, put: performance.now() - p0 };
}

/** The sources' copies the floor's GETs read, straight in the store. */
export async function storeFloorCopies(store, sources) {
  for (let i = 0; i < sources.length; i++)
    await store.put({ key: `bench-floor/source-${i}`, body: sources[i], contentType: 'image/jpeg' });
}

/**
 * The cold pass, source by source: raw sharp converts it in this process, the floor's store round
 * trips are timed, then `coldRequest(i)` asks the platform for its first conversion (same load).
 */
export async function timeColdPass({ store, sources, rawConvert, coldRequest }) {
  const pass = { raw: [], cold: [], floorGets: [], floorPuts: [] };
  for (let i = 0; i < sources.length; i++) {
    const t0 = performance.now();
    const result = await rawConvert(sources[i]);
    pass.raw.push(performance.now() - t0);
    const trips = await timeStoreRoundTrips(store, i, result);
    pass.floorGets.push(trips.get);
    pass.floorPuts.push(trips.put);
    pass.cold.push(await coldRequest(i));
  }
  return pass;
}

/** The distinct source sizes, in megapixels with two decimals. */
export function distinctMegapixels(megapixels) {
  return [...new Set(megapixels.map((m) => Math.round(m * 100) / 100))];
}

/**
 * The figures both benches report: raw sharp, the cold pass (its store round trips, the floor, the
 * ratios), the cached repeats, image-ops' stages during each and the targets.
 */
export function conversionFigures({ conversion, coldPass, cached, repeats, stages }) {
  const { raw, cold, floorGets, floorPuts } = coldPass;
  const rawSummary = summarize(raw);
  const coldSummary = summarize(cold);
  const cachedSummary = summarize(cached);
  const p50 = (samples) =>
    percentile(
      [...samples].sort((a, b) => a - b),
      50,
    );
  // Per source, cold over raw: the median of those ratios is robust to load spikes between sources.
  const perSource = cold.map((c, i) => c / raw[i]).sort((a, b) => a - b);
  return {
    raw_sharp: { ...sharpSettings(), conversion, ...rawSummary },
    store_from_bench_during_cold: { source_get: summarize(floorGets), result_put: summarize(floorPuts) },
    cold_floor_p50_ms: Math.round((rawSummary.p50_ms + p50(floorGets) + p50(floorPuts)) * 100) / 100,
    cold: coldSummary,
    cold_p50_over_raw_sharp_p50: ratio(coldSummary.p50_ms, rawSummary.p50_ms),
    cold_over_raw_sharp_median_per_source: ratio(percentile(perSource, 50), 1),
    cached: { repeats_per_source: repeats, ...cachedSummary },
    image_ops_stages: {
      cold: stageMeans(stages.before, stages.afterCold),
      cached: stageMeans(stages.afterCold, stages.afterCached),
    },
    targets: {
      cold_p50_within_1_5x_raw_sharp: coldSummary.p50_ms <= 1.5 * rawSummary.p50_ms,
      cached_p99_under_10_ms: cachedSummary.p99_ms < 10,
    },
  };
}
