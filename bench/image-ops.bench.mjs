// Issue 5 benchmark: resize_max_fit 100×100 on generated 12-megapixel JPEGs, in one run:
// (a) the full path: image API PUT uploads → operations-exec → BullMQ → image-ops worker → storage, until every queue item is D;
// (b) raw sharp in this process on the same files; (c) ImageMagick `convert` on the same files (reported as absent if missing).
// Also (d) where the time of the full path goes: storage round trips and the queue timeline. Targets are reported, never asserted.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { writeResult, root } from './bench-kit.mjs';

const require = createRequire(import.meta.url);
const { createTestInfra, PlatformProcesses, createTeamWithKeys, waitFor } = require(
  `${root}/libs/testing/dist/index.js`,
);
const { ObjectStorage } = require(`${root}/libs/storage/dist/index.js`);
const sharp = require(require.resolve('sharp', { paths: [`${root}/apps/image-ops`] }));
const { Client } = require('pg');

const FILES = Number(process.env.BENCH_IMAGE_FILES ?? 20);
const WIDTH = 4000;
const HEIGHT = 3000; // 12 MP
const PARALLEL = Number(process.env.BENCH_IMAGE_PARALLEL ?? cpus().length);
const UPLOAD_CONCURRENCY = 4;
const LOAD_AT_START = loadavg()[0];
const QUALITY = 75; // the seed's default quality of resize_max_fit

/** A 12 MP JPEG of blurred gaussian noise over a gradient: photo-like entropy, ~3–6 MB. */
async function generateJpeg(seed) {
  const noise = await sharp({
    create: {
      width: WIDTH,
      height: HEIGHT,
      channels: 3,
      background: { r: (seed * 53) % 256, g: 120, b: (seed * 97) % 256 },
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .blur(1.2)
    .raw()
    .toBuffer();
  const gradient = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}"><defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="#${(seed * 0x2f3b4d) % 0xffffff}"/><stop offset="1" stop-color="#f0e0a0"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)" opacity="0.6"/></svg>`,
  );
  return sharp(noise, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .composite([{ input: gradient }])
    .jpeg({ quality: 88 })
    .toBuffer();
}

async function pool(items, concurrency, task) {
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

async function timed(fn) {
  const t0 = performance.now();
  const value = await fn();
  return { seconds: (performance.now() - t0) / 1000, value };
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

const dir = mkdtempSync(join(tmpdir(), 'bench-image-ops-'));
const paths = [];
const gen = await timed(async () => {
  for (let i = 0; i < FILES; i++) {
    const path = join(dir, `photo_${String(i).padStart(3, '0')}.jpg`);
    writeFileSync(path, await generateJpeg(i + 1));
    paths.push(path);
  }
});
const bytes = paths.map((p) => readFileSync(p).length);
console.log(
  `generated ${FILES} JPEGs of ${WIDTH}×${HEIGHT} in ${gen.seconds.toFixed(1)} s, ${(bytes.reduce((a, b) => a + b, 0) / FILES / 2 ** 20).toFixed(2)} MB each on average`,
);

// (b) raw sharp: read the file, resize inside 100×100, encode JPEG, PARALLEL at a time (sharp defaults otherwise).
const rawSharp = await timed(() =>
  pool(paths, PARALLEL, async (path) => {
    await sharp(readFileSync(path))
      .resize({ width: 100, height: 100, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: QUALITY })
      .toBuffer();
  }),
);
console.log(`raw sharp: ${(FILES / rawSharp.seconds).toFixed(2)} files/s`);

// (c) ImageMagick, PARALLEL processes at a time.
// The real binary first: a `convert` earlier on PATH may be a wrapper that adds its own start-up time.
const convert = ['magick', '/usr/bin/convert', 'convert'].find((cmd) =>
  /ImageMagick/.test(spawnSync(cmd, ['-version'], { encoding: 'utf8' }).stdout ?? ''),
);
let imagemagick = {
  available: false,
  note: 'ImageMagick not found (magick, /usr/bin/convert or convert on PATH); apt-get install -y imagemagick',
};
if (convert) {
  const version = spawnSync(convert, ['-version'], { encoding: 'utf8' }).stdout.split('\n')[0];
  const im = await timed(() =>
    pool(paths, PARALLEL, (path, i) =>
      run(convert, [path, '-resize', '100x100>', '-quality', String(QUALITY), join(dir, `im_${i}.jpg`)]),
    ),
  );
  imagemagick = {
    available: true,
    version,
    seconds: im.seconds,
    files_per_second: FILES / im.seconds,
    command: `${convert} in.jpg -resize 100x100> -quality ${QUALITY} out.jpg, ${PARALLEL} at a time`,
  };
  console.log(`ImageMagick: ${imagemagick.files_per_second.toFixed(2)} files/s`);
}

// (a) the full path through real processes.
const infra = await createTestInfra({ s3: true });
// Worker settings to compare (unset = the app's defaults).
const workerEnv = Object.fromEntries(
  ['IMAGE_WORKER_CONCURRENCY', 'IMAGE_THREADS'].filter((k) => process.env[k]).map((k) => [k, process.env[k]]),
);
const platform = await PlatformProcesses.start({ ...infra.env, LOG_LEVEL: 'warn', ...workerEnv }, [
  'quota-billing',
  'image-ops',
  'gateway',
]);
const db = new Client({ connectionString: infra.env.DATABASE_URL });
await db.connect();
try {
  const team = await createTeamWithKeys(platform.gatewayUrl, 'bench-image', ['image']);
  const base = `${platform.gatewayUrl}/image/v2.0/appkeys/${team.keys.image.app_key}`;
  const auth = { Authorization: team.keys.image.secret_key };
  const api = async (method, path, json) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    const body = await res.json();
    if (!body.header?.isSuccessful) throw new Error(`${method} ${path}: ${JSON.stringify(body.header)}`);
    return body;
  };
  const upload = async (path, data) => {
    const res = await fetch(`${base}/images?path=${encodeURIComponent(path)}`, {
      method: 'PUT',
      headers: { ...auth, 'Content-Type': 'image/jpeg' },
      body: data,
    });
    const body = await res.json();
    return body.header?.isSuccessful ? null : `${path}: ${JSON.stringify(body.header)}`;
  };
  await api('PUT', '/operations/thumb100', {
    data: [
      {
        templateOperationId: 'resize_max_fit',
        option: { resizeType: 'max_fit', width: 100, height: 100, quality: QUALITY, upDownSizeType: 'downOnly' },
      },
    ],
  });

  const fullPath = async (folder, files) => {
    const uploadErrors = [];
    const uploads = await timed(() =>
      pool(files, UPLOAD_CONCURRENCY, async (path) => {
        const error = await upload(`${folder}/${path.slice(path.lastIndexOf('/') + 1)}`, readFileSync(path));
        if (error) uploadErrors.push(error);
      }),
    );
    // A refused upload is reported, not hidden: the run goes on with the files that were stored.
    const stored = files.length - uploadErrors.length;
    const execAt = performance.now();
    const exec = await api('POST', '/operations-exec', {
      basepath: folder,
      filepaths: [folder],
      operationIds: ['thumb100'],
    });
    const ids = exec.queues.map((q) => q.queueId);
    if (ids.length !== stored) throw new Error(`expected ${stored} queue items, got ${ids.length}`);
    await waitFor(
      async () => {
        const { rows } = await db.query(
          `SELECT count(*) FILTER (WHERE "status" = 'D')::int AS done, count(*) FILTER (WHERE "status" = 'F')::int AS failed FROM "imageops"."queue_items" WHERE "id" = ANY($1)`,
          [ids],
        );
        if (rows[0].failed) throw new Error(`${rows[0].failed} queue items failed`);
        return rows[0].done === ids.length ? true : undefined;
      },
      { timeoutMs: 600_000, intervalMs: 20, what: 'all queue items D' },
    );
    const processing = (performance.now() - execAt) / 1000;
    const { rows } = await db.query(
      `SELECT extract(epoch from max("updated_at") - min("queued_at"))::float8 AS span FROM "imageops"."queue_items" WHERE "id" = ANY($1)`,
      [ids],
    );
    return {
      files: stored,
      upload_errors: uploadErrors,
      uploads_seconds: uploads.seconds,
      exec_to_all_done_seconds: processing,
      queued_to_last_done_seconds: rows[0].span,
      seconds: uploads.seconds + processing,
    };
  };

  await fullPath('/warmup', paths.slice(0, 2));
  const full = await fullPath('/bench', paths);
  console.log(
    `full path: ${(full.files / full.seconds).toFixed(2)} files/s (uploads ${full.uploads_seconds.toFixed(1)} s, exec → all D ${full.exec_to_all_done_seconds.toFixed(1)} s)`,
  );

  // (d) the storage round trips a worker makes per file (head + get of the source, put of the result) against the same embedded S3.
  const storage = new ObjectStorage({
    endpoint: infra.env.S3_ENDPOINT,
    publicEndpoint: infra.env.S3_ENDPOINT,
    region: 'us-east-1',
    accessKeyId: infra.env.S3_ACCESS_KEY_ID,
    secretAccessKey: infra.env.S3_SECRET_ACCESS_KEY,
    bucket: infra.env.S3_BUCKET,
    forcePathStyle: true,
  });
  const storageTrip = await timed(async () => {
    for (let i = 0; i < FILES; i++) {
      const key = `bench-probe/${i}.jpg`;
      await storage.put({ key, body: readFileSync(paths[i]), contentType: 'image/jpeg' });
      await storage.head(key);
      const { body } = await storage.getStream({ key });
      for await (const chunk of body) void chunk;
    }
  });

  const rawFps = FILES / rawSharp.seconds;
  const fullFps = full.files / full.seconds;
  const workerFps = full.files / full.exec_to_all_done_seconds;
  writeResult('image-ops', {
    files: FILES,
    image: {
      width: WIDTH,
      height: HEIGHT,
      format: 'jpeg',
      average_bytes: Math.round(bytes.reduce((a, b) => a + b, 0) / FILES),
    },
    operation: 'resize_max_fit 100×100 quality 75 downOnly',
    parallel: PARALLEL,
    load_average_1m: {
      start: LOAD_AT_START,
      end: loadavg()[0],
      note: 'of the whole machine; other work running skews every figure',
    },
    raw_sharp: {
      seconds: rawSharp.seconds,
      files_per_second: rawFps,
      note: `readFile + resize + JPEG encode in this process, ${PARALLEL} at a time, sharp defaults`,
    },
    imagemagick,
    full_path: {
      ...full,
      files_per_second: fullFps,
      worker_files_per_second: workerFps,
      worker_env: workerEnv,
      note: `PUT uploads (${UPLOAD_CONCURRENCY} at a time) + one operations-exec of the folder + BullMQ + image-ops worker (worker_env over the app defaults IMAGE_WORKER_CONCURRENCY=2×availableParallelism=${2 * availableParallelism()}, IMAGE_THREADS=2) until every queue item is D`,
    },
    storage_round_trip_per_file_ms: (storageTrip.seconds * 1000) / FILES,
    ratios: {
      full_path_vs_raw_sharp: fullFps / rawFps,
      worker_stage_vs_raw_sharp: workerFps / rawFps,
      full_path_vs_imagemagick: imagemagick.available ? fullFps / imagemagick.files_per_second : null,
      raw_sharp_vs_imagemagick: imagemagick.available ? rawFps / imagemagick.files_per_second : null,
    },
    targets: { full_path_vs_raw_sharp: 0.85, full_path_vs_imagemagick: 4 },
  });
} finally {
  await db.end();
  await platform.stopAll();
  await infra.dispose();
  rmSync(dir, { recursive: true, force: true });
}
