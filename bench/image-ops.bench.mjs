// Issue 13 benchmark: resize_max_fit 100×100 (quality 75, down only) of 12 MP JPEGs, in one run:
// - baselines on the same files, with the worker's parallelism and libvips threads: raw sharp in
//   this process, vipsthumbnail (the libvips floor), ImageMagick convert;
// - the platform as real processes: PUT uploads through the image API (the full path) and
//   operations-exec → BullMQ → image-ops worker until every queue item is D (the worker stage);
// - where the worker's time goes (its stage histograms), CPU seconds per process (the embedded S3
//   server runs as a process of its own, reported on its own line), the worker's peak RSS.
// A warm-up is excluded from every figure; each figure is the median of BENCH_IMAGE_RUNS runs.
// Targets are reported, never asserted.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import http from 'node:http';
import { root, writeResult } from './bench-kit.mjs';
import { corpus } from './image-ops/corpus.mjs';
import {
  imagemagick,
  imagemagickCommand,
  median,
  pool,
  rawSharp,
  version,
  vipsthumbnail,
  vipsthumbnailCommand,
} from './image-ops/baselines.mjs';
import { cpuMeter, pidsNamed, rssSampler } from './image-ops/process-stats.mjs';
import { stageWindow } from './image-ops/stage-metrics.mjs';

const require = createRequire(import.meta.url);
const { createTestInfra, PlatformProcesses, createTeamWithKeys, waitFor } = require(
  `${root}/libs/testing/dist/index.js`,
);
const { imageOpsConfigSchema } = require(`${root}/apps/image-ops/dist/app.config.js`);
const sharp = require(require.resolve('sharp', { paths: [`${root}/apps/image-ops`] }));
const { Client } = require('pg');

const FILES = Number(process.env.BENCH_IMAGE_FILES ?? 200);
const WARMUP = Number(process.env.BENCH_IMAGE_WARMUP ?? 12);
const RUNS = Number(process.env.BENCH_IMAGE_RUNS ?? 3);
const IMAGEMAGICK_FILES = Math.min(FILES, Number(process.env.BENCH_IMAGEMAGICK_FILES ?? 40));
const WIDTH = 4000;
const HEIGHT = 3000; // 12 MP
const QUALITY = 75; // the seed's default quality of resize_max_fit
const UPLOAD_CONCURRENCY = 4;
const CONCURRENCY = Number(
  process.env.IMAGE_WORKER_CONCURRENCY ?? imageOpsConfigSchema.shape.IMAGE_WORKER_CONCURRENCY.parse(undefined),
);
const THREADS = Number(process.env.IMAGE_THREADS ?? imageOpsConfigSchema.shape.IMAGE_THREADS.parse(undefined));
const LOAD_AT_START = loadavg();

const images = await corpus(sharp, { count: FILES + WARMUP, width: WIDTH, height: HEIGHT });
console.log(
  `corpus: ${FILES + WARMUP} JPEGs of ${WIDTH}×${HEIGHT}, ${(images.averageBytes / 2 ** 20).toFixed(2)} MB on average (${images.generated} generated in ${images.generateSeconds.toFixed(0)} s) in ${images.dir}`,
);
const warmupPaths = images.paths.slice(0, WARMUP);
const paths = images.paths.slice(WARMUP);
const outDir = mkdtempSync(join(tmpdir(), 'bench-image-ops-'));

// Baselines, with the worker's settings: CONCURRENCY files at a time, THREADS libvips threads each.
sharp.concurrency(THREADS);
sharp.cache(false);
const vipsCmd = vipsthumbnailCommand();
const imCmd = imagemagickCommand();
const baseline = { raw_sharp: [], vipsthumbnail: [], imagemagick: [] };
await rawSharp(sharp, warmupPaths, { parallel: CONCURRENCY, quality: QUALITY });
const rawSharpCpu = [];
/** One run of every baseline; the platform's run of the same index follows it, so each pair sees the same load. */
async function baselineRun(run) {
  const cpuBefore = process.cpuUsage();
  baseline.raw_sharp.push(await rawSharp(sharp, paths, { parallel: CONCURRENCY, quality: QUALITY }));
  const cpu = process.cpuUsage(cpuBefore);
  rawSharpCpu.push((cpu.user + cpu.system) / 1000 / paths.length);
  if (vipsCmd) {
    process.env.VIPS_CONCURRENCY = String(THREADS);
    baseline.vipsthumbnail.push(
      await vipsthumbnail(vipsCmd, paths, { parallel: CONCURRENCY, quality: QUALITY, outDir }),
    );
  }
  if (imCmd)
    baseline.imagemagick.push(
      await imagemagick(imCmd, paths.slice(0, IMAGEMAGICK_FILES), { parallel: CONCURRENCY, quality: QUALITY, outDir }),
    );
  console.log(
    `baselines run ${run + 1}: raw sharp ${baseline.raw_sharp.at(-1).toFixed(1)}, vipsthumbnail ${baseline.vipsthumbnail.at(-1)?.toFixed(1) ?? '-'}, ImageMagick ${baseline.imagemagick.at(-1)?.toFixed(2) ?? '-'} files/s`,
  );
}

// BENCH_IMAGE_TUNE=1: raw sharp over a grid of files-at-once × libvips threads, the evidence the
// worker's defaults (IMAGE_WORKER_CONCURRENCY, IMAGE_THREADS) are chosen from.
const tuning = [];
if (process.env.BENCH_IMAGE_TUNE === '1') {
  for (const threads of [1, 2]) {
    sharp.concurrency(threads);
    for (const parallel of [1, 2, 3, 4, 6, 8]) {
      const runs = [];
      for (let run = 0; run < RUNS; run++) runs.push(await rawSharp(sharp, paths, { parallel, quality: QUALITY }));
      tuning.push({ files_at_once: parallel, libvips_threads: threads, files_per_second_median: median(runs) });
      console.log(`tuning: ${parallel} at once × ${threads} threads → ${median(runs).toFixed(1)} files/s`);
    }
  }
  sharp.concurrency(THREADS);
}

// The platform: the embedded S3 server in a process of its own, so its CPU time is counted apart.
const infra = await createTestInfra({ s3: false });
const s3 = await startEmbeddedS3(infra);
const workerEnv = { IMAGE_WORKER_CONCURRENCY: String(CONCURRENCY), IMAGE_THREADS: String(THREADS) };
const platform = await PlatformProcesses.start({ ...infra.env, ...s3.env, LOG_LEVEL: 'warn', ...workerEnv }, [
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
  // node:http with keep-alive rather than fetch: the client shares the cores it measures, and
  // fetch spends several times more CPU per uploaded megabyte.
  const agent = new http.Agent({ keepAlive: true, maxSockets: UPLOAD_CONCURRENCY });
  const upload = (path, data) =>
    new Promise((resolve, reject) => {
      const request = http.request(
        `${base}/images?path=${encodeURIComponent(path)}`,
        { method: 'PUT', agent, headers: { ...auth, 'Content-Type': 'image/jpeg', 'Content-Length': data.length } },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const body = JSON.parse(Buffer.concat(chunks).toString());
            resolve(body.header?.isSuccessful ? null : `${path}: ${JSON.stringify(body.header)}`);
          });
          res.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(data);
    });
  await api('PUT', '/operations/thumb100', {
    data: [
      {
        templateOperationId: 'resize_max_fit',
        option: { resizeType: 'max_fit', width: 100, height: 100, quality: QUALITY, upDownSizeType: 'downOnly' },
      },
    ],
  });

  const processGroups = {
    gateway: () => [platform.pid('gateway')],
    'image-ops': () => [platform.pid('image-ops')],
    'quota-billing': () => [platform.pid('quota-billing')],
    'embedded S3 (own process)': () => [s3.pid],
    'bench client (uploads, polling)': () => [process.pid],
    'postgres (all backends, machine-wide)': () => pidsNamed('postgres'),
    'redis-server (machine-wide)': () => pidsNamed('redis-server'),
    'nats-server (machine-wide)': () => pidsNamed('nats-server'),
  };

  const fullPath = async (folder, files) => {
    const uploadErrors = [];
    const uploadMeter = cpuMeter(processGroups);
    const t0 = performance.now();
    await pool(files, UPLOAD_CONCURRENCY, async (path) => {
      const error = await upload(`${folder}/${path.slice(path.lastIndexOf('/') + 1)}`, readFileSync(path));
      if (error) uploadErrors.push(error);
    });
    const uploadsSeconds = (performance.now() - t0) / 1000;
    const uploadCpu = uploadMeter.stop();
    const stored = files.length - uploadErrors.length;
    const stages = await stageWindow(`${platform.url('image-ops')}/metrics`);
    const workerMeter = cpuMeter(processGroups);
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
      { timeoutMs: 900_000, intervalMs: 20, what: 'all queue items D' },
    );
    const workerSeconds = (performance.now() - execAt) / 1000;
    return {
      files: stored,
      upload_errors: uploadErrors,
      uploads_seconds: uploadsSeconds,
      worker_seconds: workerSeconds,
      full_path_files_per_second: stored / (uploadsSeconds + workerSeconds),
      worker_files_per_second: stored / workerSeconds,
      stages_mean: await stages.stop(),
      cpu_seconds: { uploads: uploadCpu, worker_stage: workerMeter.stop() },
    };
  };

  await fullPath('/warmup', warmupPaths);
  const rss = rssSampler(platform.pid('image-ops'));
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    await baselineRun(run);
    runs.push(await fullPath(`/run${run + 1}`, paths));
    const r = runs.at(-1);
    console.log(
      `platform run ${run + 1}: worker ${r.worker_files_per_second.toFixed(1)} files/s, full path ${r.full_path_files_per_second.toFixed(1)} files/s (uploads ${r.uploads_seconds.toFixed(1)} s, worker ${r.worker_seconds.toFixed(1)} s)`,
    );
  }
  const peakRss = rss.stop();

  const ratio = (a, b) => (a && b ? Math.round((a / b) * 1000) / 1000 : null);
  const pairedRatios = (platform, base) =>
    runs.map((r, i) => ratio(r[platform], baseline[base][i])).filter((v) => v !== null);
  const raw = median(baseline.raw_sharp);
  const vips = median(baseline.vipsthumbnail);
  const im = median(baseline.imagemagick);
  const worker = median(runs.map((r) => r.worker_files_per_second));
  const full = median(runs.map((r) => r.full_path_files_per_second));
  const medianRun = runs.find((r) => r.worker_files_per_second === worker) ?? runs[0];
  const decodedBytes = WIDTH * HEIGHT * 3;
  const rssBound = CONCURRENCY * (images.averageBytes + decodedBytes) + 150 * 2 ** 20;
  writeResult('image-ops', {
    files: FILES,
    warmup_files: WARMUP,
    runs: RUNS,
    image: { width: WIDTH, height: HEIGHT, format: 'jpeg', average_bytes: images.averageBytes },
    operation: `resize_max_fit 100×100 quality ${QUALITY} downOnly`,
    parallelism: {
      files_at_once: CONCURRENCY,
      libvips_threads: THREADS,
      note: 'the same for the worker (IMAGE_WORKER_CONCURRENCY, IMAGE_THREADS) and every baseline',
    },
    load_average: {
      start_1m: LOAD_AT_START[0],
      end_1m: loadavg()[0],
      note: 'of the whole machine (2 cores); other work running skews every figure',
    },
    files_per_second_median: {
      raw_sharp: raw,
      vipsthumbnail: vips,
      imagemagick: im,
      worker_stage: worker,
      full_path: full,
    },
    files_per_second_runs: {
      ...baseline,
      worker_stage: runs.map((r) => r.worker_files_per_second),
      full_path: runs.map((r) => r.full_path_files_per_second),
    },
    paired_ratios_per_run: {
      worker_stage_vs_raw_sharp: pairedRatios('worker_files_per_second', 'raw_sharp'),
      full_path_vs_raw_sharp: pairedRatios('full_path_files_per_second', 'raw_sharp'),
      full_path_vs_imagemagick: pairedRatios('full_path_files_per_second', 'imagemagick'),
      note: 'each run of the platform over the baselines run just before it (same load)',
    },
    ratios: {
      worker_stage_vs_raw_sharp: ratio(worker, raw),
      full_path_vs_raw_sharp: ratio(full, raw),
      full_path_vs_imagemagick: ratio(full, im),
      worker_stage_vs_imagemagick: ratio(worker, im),
      raw_sharp_vs_vipsthumbnail: ratio(raw, vips),
      worker_stage_vs_vipsthumbnail: ratio(worker, vips),
    },
    targets: { worker_stage_vs_raw_sharp: 0.8, full_path_vs_raw_sharp: 0.5, full_path_vs_imagemagick: 4 },
    cpu_ms_per_file: {
      raw_sharp: round1(median(rawSharpCpu)),
      worker_stage_by_process: perFile(medianRun.cpu_seconds.worker_stage, medianRun.files),
      full_path_uploads_by_process: perFile(medianRun.cpu_seconds.uploads, medianRun.files),
      note: 'CPU time (user + system) per file: raw sharp in this process; the platform per process over the median run (postgres, redis and nats are machine-wide: other work on the machine counts too)',
    },
    worker_stage_breakdown_median_run: {
      stages_mean: medianRun.stages_mean,
      cpu_seconds: medianRun.cpu_seconds.worker_stage,
      note: 'stages: mean wall ms per job from image_job_stage_seconds (jobs overlap: CONCURRENCY at once); cpu_seconds: per process over the worker stage of that run',
    },
    uploads_cpu_seconds_median_run: medianRun.cpu_seconds.uploads,
    worker_rss: {
      peak_mb: Math.round(peakRss / 2 ** 20),
      bound_mb: Math.round(rssBound / 2 ** 20),
      bound: 'concurrency × (average file + decoded 12 MP RGB) + 150 MB',
    },
    imagemagick: imCmd
      ? {
          command: `${imCmd} in.jpg -resize 100x100> -quality ${QUALITY} out.jpg`,
          version: version(imCmd, ['-version']),
          files: IMAGEMAGICK_FILES,
        }
      : { note: 'ImageMagick not found: apt-get install -y imagemagick' },
    vipsthumbnail: vipsCmd
      ? {
          command: `vipsthumbnail in.jpg --size 100x100> -o out.jpg[Q=${QUALITY}] (VIPS_CONCURRENCY=${THREADS})`,
          version: version(vipsCmd, ['--vips-version']),
        }
      : { note: 'vipsthumbnail not found: apt-get install -y libvips-tools' },
    ...(tuning.length && { raw_sharp_tuning: tuning }),
    runs_detail: runs.map(({ stages_mean, cpu_seconds, ...r }) => r),
  });
} finally {
  await db.end();
  await platform.stopAll();
  await s3.stop();
  await infra.dispose();
  rmSync(outDir, { recursive: true, force: true });
}

function round1(value) {
  return value === null ? null : Math.round(value * 10) / 10;
}

function perFile(cpuSeconds, files) {
  return Object.fromEntries(
    Object.entries(cpuSeconds).map(([name, seconds]) => [name, round1((seconds * 1000) / files)]),
  );
}

/** `node libs/testing/dist/embedded-s3.main.js` on a free port with the test namespace's bucket. */
async function startEmbeddedS3(infra) {
  const { freePort } = require(`${root}/libs/testing/dist/index.js`);
  const port = await freePort();
  // On tmpfs where there is one: the store's disk is not what this bench measures.
  const dataDir = mkdtempSync(
    join(process.env.BENCH_S3_DIR ?? (existsSync('/dev/shm') ? '/dev/shm' : tmpdir()), 'bench-image-ops-s3-'),
  );
  const env = {
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_PUBLIC_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_ACCESS_KEY_ID: 'BENCHKEY',
    S3_SECRET_ACCESS_KEY: 'bench-secret-0123456789',
    S3_BUCKET: `${infra.namespace}-media`,
    S3_FORCE_PATH_STYLE: 'true',
  };
  const profileDir = process.env.CPU_PROFILE_DIR;
  const profile = profileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=embedded-s3-${Date.now()}.cpuprofile`]
    : [];
  const child = spawn(process.execPath, [...profile, `${root}/libs/testing/dist/embedded-s3.main.js`], {
    env: { ...process.env, ...infra.env, ...env, S3_PORT: String(port), S3_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitFor(async () => (await fetch(env.S3_ENDPOINT).catch(() => null)) !== null, {
    timeoutMs: 20_000,
    intervalMs: 100,
    what: 'the embedded S3 server',
  });
  return {
    env,
    pid: child.pid,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
