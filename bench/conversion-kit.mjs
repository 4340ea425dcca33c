// Helpers of the on-request conversion benches (`media-variants`, `realtime-images`): photo-like
// sources, sharp as image-ops configures it, image-ops' stage histograms, the machine's load.
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { root } from './bench-kit.mjs';

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

/** The 1-, 5- and 15-minute load averages, two decimals. */
export function load() {
  return loadavg().map((v) => Math.round(v * 100) / 100);
}

/** libvips settings raw sharp ran with (image-ops runs `IMAGE_THREADS`, default 2, and no cache). */
export function sharpSettings() {
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
export function stageMeans(before, after) {
  const out = {};
  for (const [stage, a] of Object.entries(after)) {
    const b = before[stage] ?? { sum: 0, count: 0 };
    const count = a.count - b.count;
    if (count > 0) out[stage] = { mean_ms: Math.round(((a.sum - b.sum) / count) * 1e5) / 100, count };
  }
  return out;
}
