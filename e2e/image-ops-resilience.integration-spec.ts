import { wireNames } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import { platformSuite, solidPng, testObjectStorage, waitFor } from '@mp/testing';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { readFileSync } from 'node:fs';
import { createDeflate, crc32 } from 'node:zlib';
import { Client } from 'pg';
import { ImageApiBody, imageApiOf } from './support/image-api-client';

/** BullMQ lock of the workers under test: a killed worker's job is re-run after 8–16 s instead of 30–60 s. */
const JOB_LOCK_MS = 8000;
const BOMB_SIDE = 50_000;
const MB = 1024 * 1024;

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length);
  head.write(type, 4, 'ascii');
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, sum]);
}

/** A complete, valid 1-bit grayscale PNG of side×side pixels (2.5 gigapixels at 50000): ~300 KB that decodes to gigabytes. */
async function pngBomb(side: number): Promise<Buffer> {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // grayscale
  const rowsPerWrite = 1000;
  const zeros = Buffer.alloc((1 + Math.ceil(side / 8)) * rowsPerWrite);
  const deflate = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const ended = new Promise((resolve) => deflate.on('end', resolve));
  for (let rows = 0; rows < side; rows += rowsPerWrite) {
    if (!deflate.write(zeros)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', Buffer.concat(out)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A baseline JPEG whose frame header (SOF0) claims side×side pixels, followed by a stub scan. */
function jpegBomb(side: number): Buffer {
  const segment = (marker: number, body: Buffer) => {
    const head = Buffer.from([0xff, marker, 0, 0]);
    head.writeUInt16BE(body.length + 2, 2);
    return Buffer.concat([head, body]);
  };
  const dqt = Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)]);
  const sof0 = Buffer.from([8, side >> 8, side & 0xff, side >> 8, side & 0xff, 1, 1, 0x11, 0]);
  const sos = Buffer.from([1, 1, 0x00, 0, 63, 0]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xdb, dqt),
    segment(0xc0, sof0),
    segment(0xda, sos),
    Buffer.alloc(1024),
    Buffer.from([0xff, 0xd9]),
  ]);
}

function rssBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  if (!line) throw new Error(`no VmRSS for ${pid}`);
  return Number(line.replace(/\D+/g, '')) * 1024;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** image-ops as a real process: a worker killed mid-job, and decompression bombs sent through the image API. */
describe('image-ops resilience (real processes)', () => {
  const suite = platformSuite({
    apps: ['quota-billing', 'image-ops', 'gateway'],
    env: { JOB_LOCK_DURATION_MS: String(JOB_LOCK_MS) },
    teams: { resilience: ['image'] },
    startTimeoutMs: 60_000,
  });
  let base: string;
  let secret: string;
  let storage: ObjectStorage;
  let db: Client;
  suite.beforeStop(() => db?.end());

  const objectKeys = async (prefix: string): Promise<string[]> =>
    (await storage.list({ prefix: `${prefix}/${suite.team('resilience').teamId}/`, limit: 1000 })).objects.map(
      (o) => o.key,
    );
  const images = imageApiOf(
    () => suite.gatewayUrl,
    () => suite.team('resilience'),
  );
  const call = images.call;
  const putImage = (path: string, bytes: Buffer) => images.putImage(`path=${encodeURIComponent(path)}`, bytes);
  const queueStatus = async (queueId: string): Promise<string | undefined> =>
    (await call('GET', `/queues/${queueId}`)).queue?.status;

  beforeAll(async () => {
    base = `${suite.gatewayUrl}/image/v2.0/appkeys/${suite.team('resilience').keys.image!.app_key}`;
    secret = suite.team('resilience').keys.image!.secret_key!;
    const env = suite.infra.env;
    storage = testObjectStorage(env);
    db = new Client({ connectionString: env.DATABASE_URL });
    await db.connect();
  });

  it('refuses decompression bombs (PNG and JPEG claiming 50000×50000) from their header, with bounded memory', async () => {
    const png = await pngBomb(BOMB_SIDE);
    expect(png.length).toBeLessThan(MB);
    const pid = suite.platform.pid('image-ops');
    const rssBefore = rssBytes(pid);

    const single = await putImage('/bombs/bomb.png', png);
    expect(single.header).toMatchObject({ isSuccessful: false, resultCode: 20021 });
    expect(single.header.resultMessage).toContain(`${BOMB_SIDE}×${BOMB_SIDE}`);
    expect((await putImage('/bombs/bomb.jpg', jpegBomb(BOMB_SIDE))).header).toMatchObject({
      isSuccessful: false,
      resultCode: 20021,
    });

    const form = new FormData();
    form.append('params', JSON.stringify({ basepath: '/bombs' }));
    form.append('files', new Blob([new Uint8Array(png)]), 'many.png');
    form.append('files', new Blob([new Uint8Array(jpegBomb(BOMB_SIDE))]), 'many.jpg');
    form.append('files', new Blob([new Uint8Array(solidPng(20, 10))]), 'fine.png');
    const res = await fetch(`${base}/images`, { method: 'POST', headers: { Authorization: secret }, body: form });
    const multi = (await res.json()) as ImageApiBody;
    expect(multi.successes.map((f: { path: string }) => f.path)).toEqual(['/bombs/fine.png']);
    expect(
      multi.errors.map((e: { path: string; error: { resultCode: number } }) => [e.path, e.error.resultCode]),
    ).toEqual([
      ['/bombs/many.png', 20021],
      ['/bombs/many.jpg', 20021],
    ]);

    const grownMb = (rssBytes(pid) - rssBefore) / MB;
    expect(grownMb).toBeLessThan(200);
    expect((await fetch(`${suite.platform.url('image-ops')}/health/ready`)).status).toBe(200);
    expect((await call('GET', '/folders?basepath=/bombs')).files.map((f: { name: string }) => f.name)).toEqual([
      'fine.png',
    ]);
    expect(await objectKeys('image')).toHaveLength(1);
    expect(await objectKeys('image-staging')).toEqual([]);
  }, 60_000);

  it('finishes an operation job exactly once when its worker is killed (SIGKILL) mid-job', async () => {
    // 1000² → 9990² PNG, grayscale, → 9980² PNG: ~15 s of libvips work on this machine, long enough to kill it mid-way.
    const upscale = (side: number) => ({
      templateOperationId: 'resize_fixed',
      option: { width: side, height: side, upDownSizeType: 'upDownAll', targetExtension: 'png', keepExif: false },
    });
    const op = await call('PUT', '/operations/slowpoke', {
      json: { data: [upscale(9990), { templateOperationId: 'gray', option: {} }, upscale(9980)] },
    });
    expect(op.header.isSuccessful).toBe(true);
    expect((await putImage('/slow/source.png', solidPng(1000, 1000))).header.isSuccessful).toBe(true);
    const exec = await call('POST', '/operations-exec', {
      json: { basepath: '/slow', filepaths: ['/slow/source.png'], operationIds: ['slowpoke'] },
    });
    expect(exec.queues).toHaveLength(1);
    const queueId: string = exec.queues[0].queueId;

    await waitFor(async () => ((await queueStatus(queueId)) === 'P' ? true : undefined), {
      timeoutMs: 30_000,
      intervalMs: 50,
      what: 'the job to start',
    });
    await sleep(2000);
    expect(await suite.platform.killApp('image-ops')).toBeNull();
    // Killed mid-flight: still P in the database, and no result object written yet.
    const { rows } = await db.query(`SELECT "status", "try_count" FROM "imageops"."queue_items" WHERE "id" = $1`, [
      queueId,
    ]);
    expect(rows).toEqual([{ status: 'P', try_count: 0 }]);
    const sourceKeys = await objectKeys('image');
    expect(sourceKeys).toHaveLength(2); // fine.png of the bomb test and source.png

    await suite.platform.startApp('image-ops');
    await waitFor(async () => ((await queueStatus(queueId)) === 'D' ? true : undefined), {
      timeoutMs: 120_000,
      intervalMs: 250,
      what: 'the re-run job to finish',
    });

    const item = (await call('GET', `/queues/${queueId}`)).queue;
    // A stall is not a failed attempt: BullMQ re-runs the job with its attempt count unchanged.
    expect(item).toMatchObject({ status: 'D', tryCount: 0, name: 'source_slowpoke.png' });
    const results = await call('GET', '/folders?basepath=/slow&createdBy=P');
    expect(results.files).toHaveLength(1);
    expect(results.files[0]).toMatchObject({
      name: 'source_slowpoke.png',
      createdBy: 'P',
      operationId: 'slowpoke',
      imageProperty: { width: 9980, height: 9980 },
    });
    const keys = await objectKeys('image');
    expect(keys).toHaveLength(3);
    expect(keys).toEqual(expect.arrayContaining(sourceKeys));

    const redis = new Redis(suite.infra.env.REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue('image-ops', { connection: redis, prefix: wireNames(suite.infra.namespace).bullPrefix });
    try {
      const job = await queue.getJob(queueId);
      expect(job).toBeDefined();
      expect({
        stalled: job!.stalledCounter,
        started: job!.attemptsStarted,
        made: job!.attemptsMade,
        failed: job!.failedReason ?? null,
      }).toEqual({ stalled: 1, started: 2, made: 1, failed: null });
      expect(await job!.isCompleted()).toBe(true);
    } finally {
      await queue.close();
      redis.disconnect();
    }
  }, 180_000);
});
