import { DomainError } from '@mp/contracts';
import { ObjectStorage } from '@mp/storage';
import { createTestInfra, TestInfra, testObjectStorage } from '@mp/testing';
import { randomBytes } from 'node:crypto';
import { SharpImageEngine } from '../src/imaging/sharp.adapter';
import { animatedGif } from './animated-gif.fixture';
import { readObject } from '../src/storage/read-object';
import { HEADER_BYTES, probeStoredUpload } from '../src/uploads/upload-probe';

const MAX_BYTES = 20 * 1024 * 1024;

let infra: TestInfra;
let storage: ObjectStorage;
const engine = new SharpImageEngine({ maxInputPixels: 40_000_000, maxFrames: 5, threads: 1 });

beforeAll(async () => {
  infra = await createTestInfra({ s3: true });
  storage = testObjectStorage(infra.env);
});

afterAll(async () => {
  storage?.destroy();
  await infra?.dispose();
});

async function stored(body: Buffer): Promise<string> {
  const key = `uploads/${randomBytes(6).toString('hex')}`;
  await storage.put({ key, body, contentType: 'application/octet-stream' });
  return key;
}

/** A JPEG of random pixels (hardly compressible, so large for its size). */
const noiseJpeg = (width: number, height: number, quality = 75) =>
  engine.fromPixels({ data: randomBytes(width * height * 3), width, height, channels: 3 }, { format: 'jpeg', quality });

/** An APP1 segment holding an empty big-endian EXIF block, inserted after the JPEG's SOI. */
function withExif(jpeg: Buffer): Buffer {
  const exif = Buffer.concat([
    Buffer.from('Exif\0\0', 'latin1'),
    Buffer.from([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0]),
  ]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(exif.length + 2);
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xe1]), length, exif, jpeg.subarray(2)]);
}

async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('probeStoredUpload', () => {
  it('probes a JPEG larger than its header: size, dimensions and EXIF', async () => {
    const jpeg = withExif(await noiseJpeg(800, 600, 95));
    expect(jpeg.length).toBeGreaterThan(HEADER_BYTES);
    const { probe, size } = await probeStoredUpload(storage, engine, await stored(jpeg), MAX_BYTES);
    expect(size).toBe(jpeg.length);
    expect(probe).toMatchObject({ format: 'jpeg', width: 800, height: 600, frames: 1 });
    expect(probe.exif?.length).toBeGreaterThan(0);
  });

  it('reads the whole JPEG when its markers run past the header', async () => {
    const jpeg = await noiseJpeg(64, 48);
    const padding = Array.from({ length: 6 }, () =>
      Buffer.concat([Buffer.from([0xff, 0xef, 0xff, 0xff]), Buffer.alloc(0xffff - 2, 0x20)]),
    ); // APP15 segments
    const padded = Buffer.concat([jpeg.subarray(0, 2), ...padding, jpeg.subarray(2)]);
    expect(padded.length).toBeGreaterThan(HEADER_BYTES);
    const { probe, size } = await probeStoredUpload(storage, engine, await stored(padded), MAX_BYTES);
    expect(size).toBe(padded.length);
    expect(probe).toMatchObject({ format: 'jpeg', width: 64, height: 48 });
  });

  it('counts every frame of an animation larger than the header, so the frame cap holds', async () => {
    const frames = 8;
    const pages = animatedGif(
      480,
      480,
      Array.from({ length: frames }, (_, i) => i % 3),
    );
    expect(pages.length).toBeGreaterThan(2 * HEADER_BYTES); // the header alone holds fewer frames than the cap
    const error = await errorOf(probeStoredUpload(storage, engine, await stored(pages), MAX_BYTES));
    expect(error.code).toBe('PayloadTooLarge');
    expect(error.message).toContain(`${frames} frames`);
  });

  it('refuses an object larger than the limit before reading it', async () => {
    const jpeg = await noiseJpeg(300, 200);
    const error = await errorOf(probeStoredUpload(storage, engine, await stored(jpeg), jpeg.length - 1));
    expect(error.code).toBe('PayloadTooLarge');
  });

  it('refuses a missing object as gone from storage', async () => {
    const error = await errorOf(probeStoredUpload(storage, engine, 'uploads/never-written', MAX_BYTES));
    expect([error.code, error.message]).toEqual(['NotFound', 'The uploaded body is gone from storage']);
  });

  it('refuses an empty object and a non-image as not an image', async () => {
    for (const body of [Buffer.alloc(0), randomBytes(HEADER_BYTES + 10)]) {
      const error = await errorOf(probeStoredUpload(storage, engine, await stored(body), MAX_BYTES));
      expect(error.code).toBe('UnsupportedMediaType');
    }
  });
});

describe('readObject', () => {
  it('reads a whole object in one GET', async () => {
    const body = randomBytes(HEADER_BYTES * 2 + 3);
    expect((await readObject(storage, await stored(body), MAX_BYTES)).equals(body)).toBe(true);
  });

  it('refuses an object over the limit and one gone from storage', async () => {
    const key = await stored(randomBytes(1000));
    expect((await errorOf(readObject(storage, key, 999))).code).toBe('PayloadTooLarge');
    expect((await errorOf(readObject(storage, 'uploads/never-written', MAX_BYTES))).message).toBe(
      'The uploaded body is gone from storage',
    );
  });
});
