// The benchmark's source images: photo-like 12 MP JPEGs, generated once and kept in the OS temp
// directory between runs (generating 200 of them takes minutes; reading them back, seconds).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CORPUS_VERSION = 3;
/** Noise is drawn at 1/8 of the size and upscaled: ~1.6 MB per 12 MP file, as in the first version of this bench. */
const NOISE_SCALE = 8;

/** Smooth noise (upscaled from a small field) under a colour gradient, JPEG quality 88. */
async function photoLike(sharp, seed, width, height) {
  const w = Math.ceil(width / NOISE_SCALE);
  const h = Math.ceil(height / NOISE_SCALE);
  const noise = await sharp({
    create: {
      width: w,
      height: h,
      channels: 3,
      background: { r: (seed * 53) % 256, g: 120, b: (seed * 97) % 256 },
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .raw()
    .toBuffer();
  const gradient = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="#${((seed * 0x2f3b4d) % 0xffffff).toString(16).padStart(6, '0')}"/><stop offset="1" stop-color="#f0e0a0"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)" opacity="0.6"/></svg>`,
  );
  const upscaled = await sharp(noise, { raw: { width: w, height: h, channels: 3 } })
    .resize(width, height, { kernel: 'cubic' })
    .raw()
    .toBuffer();
  return sharp(upscaled, { raw: { width, height, channels: 3 } })
    .composite([{ input: gradient }])
    .jpeg({ quality: 88 })
    .toBuffer();
}

/** Paths of `count` distinct JPEGs of width × height (generated where missing). */
export async function corpus(sharp, { count, width, height }) {
  const dir = join(tmpdir(), `mp-bench-image-corpus-v${CORPUS_VERSION}-${width}x${height}`);
  mkdirSync(dir, { recursive: true });
  const paths = [];
  let generated = 0;
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const path = join(dir, `photo_${String(i).padStart(4, '0')}.jpg`);
    if (!existsSync(path)) {
      writeFileSync(`${path}.tmp`, await photoLike(sharp, i + 1, width, height));
      renameSync(`${path}.tmp`, path);
      generated++;
    }
    paths.push(path);
  }
  const bytes = paths.map((p) => readFileSync(p).length);
  return {
    dir,
    paths,
    averageBytes: Math.round(bytes.reduce((a, b) => a + b, 0) / count),
    generated,
    generateSeconds: (performance.now() - t0) / 1000,
  };
}
