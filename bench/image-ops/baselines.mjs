// The baselines the platform is compared with, on the same files and with the same parallelism:
// raw sharp in this process, libvips' own vipsthumbnail (the floor), ImageMagick's convert.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export async function pool(items, concurrency, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        await task(items[i], i);
      }
    }),
  );
}

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}: ${err}`))));
  });
}

async function filesPerSecond(paths, parallel, task) {
  const t0 = performance.now();
  await pool(paths, parallel, task);
  return paths.length / ((performance.now() - t0) / 1000);
}

/** readFile + resize inside 100×100 (never up) + JPEG encode: what the worker's job does with the pixels. */
export function rawSharp(sharp, paths, { parallel, quality }) {
  return filesPerSecond(paths, parallel, (path) =>
    sharp(readFileSync(path))
      .resize({ width: 100, height: 100, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality })
      .toBuffer(),
  );
}

function found(cmd, args, pattern) {
  const out = spawnSync(cmd, args, { encoding: 'utf8' });
  return pattern.test(`${out.stdout ?? ''}${out.stderr ?? ''}`);
}

export function vipsthumbnailCommand() {
  return found('vipsthumbnail', ['--vips-version'], /vips/i) ? 'vipsthumbnail' : null;
}

/** The real ImageMagick binary first: a `convert` earlier on PATH may be a wrapper with its own start-up cost. */
export function imagemagickCommand() {
  return (
    ['magick', '/usr/bin/convert', 'convert'].find((cmd) => found(cmd, ['-version'], /^Version: ImageMagick/m)) ?? null
  );
}

export function vipsthumbnail(cmd, paths, { parallel, quality, outDir }) {
  return filesPerSecond(paths, parallel, (path, i) =>
    run(cmd, [path, '--size', '100x100>', '-o', join(outDir, `vips_${i}.jpg[Q=${quality}]`)]),
  );
}

export function imagemagick(cmd, paths, { parallel, quality, outDir }) {
  return filesPerSecond(paths, parallel, (path, i) =>
    run(cmd, [path, '-resize', '100x100>', '-quality', String(quality), join(outDir, `im_${i}.jpg`)]),
  );
}

export function version(cmd, args) {
  return spawnSync(cmd, args, { encoding: 'utf8' }).stdout?.split('\n')[0]?.trim() ?? '';
}

export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
