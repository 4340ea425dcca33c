import { EmbeddedS3Server, ObjectStorage } from '../src';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ACCESS_KEY_ID = 'DIRRACESPECKEY';
const SECRET_ACCESS_KEY = 'dir-race-spec-secret-0123456789';
const BUCKET = `race-${randomBytes(4).toString('hex')}`;
const ROUNDS = 60;

let directory: string;
let server: EmbeddedS3Server;
let storage: ObjectStorage;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'mp-dir-race-spec-'));
  server = await EmbeddedS3Server.start({
    port: 0,
    directory,
    accessKeyId: ACCESS_KEY_ID,
    secretAccessKey: SECRET_ACCESS_KEY,
    buckets: [BUCKET],
  });
  storage = new ObjectStorage({
    endpoint: server.endpoint,
    publicEndpoint: server.endpoint,
    region: 'us-east-1',
    accessKeyId: ACCESS_KEY_ID,
    secretAccessKey: SECRET_ACCESS_KEY,
    bucket: BUCKET,
    forcePathStyle: true,
  });
});

afterAll(async () => {
  storage?.destroy();
  await server?.stop();
  if (directory) await rm(directory, { recursive: true, force: true });
});

/**
 * s3rver removes a directory emptied by a delete. A write landing in that directory meanwhile
 * must survive: the store answered it, so the object must be there afterwards.
 */
describe('embedded S3: writes racing the pruning of an emptied directory', () => {
  const body = randomBytes(256 * 1024);

  it('keeps an object put while the only other object of its directory is deleted', async () => {
    const lost: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const dir = `staging/r${round % 3}/d${round % 2}`;
      await storage.put({ key: `${dir}/other.bin`, body: Buffer.from('x'), contentType: 'application/octet-stream' });
      const key = `${dir}/kept-${round}.bin`;
      const put = storage.put({
        key,
        body: round % 2 ? body : Buffer.from('small'),
        contentType: 'application/octet-stream',
      });
      await Promise.all([put, storage.delete(`${dir}/other.bin`)]);
      if (!(await storage.head(key))) lost.push(key);
      await storage.delete(key);
    }
    expect(lost).toEqual([]);
  });

  it('keeps an object copied into a directory while the only other object there is deleted', async () => {
    await storage.put({ key: 'sources/original.bin', body, contentType: 'application/octet-stream' });
    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const dir = `copies/c${round % 4}`;
      await storage.put({ key: `${dir}/other.bin`, body: Buffer.from('x'), contentType: 'application/octet-stream' });
      const key = `${dir}/copy-${round}.bin`;
      const outcomes = await Promise.allSettled([
        storage.delete(`${dir}/other.bin`),
        storage.copy({ from: 'sources/original.bin', to: key }),
      ]);
      for (const outcome of outcomes)
        if (outcome.status === 'rejected') failures.push(`${key}: ${String(outcome.reason)}`);
      if (!(await storage.head(key))) failures.push(`${key}: missing`);
      await storage.delete(key);
    }
    expect(failures).toEqual([]);
  });

  it('answers every concurrent put and delete in one directory and loses no surviving object', async () => {
    const keys = Array.from({ length: 40 }, (_, i) => `busy/dir/k${i}.bin`);
    const failures: string[] = [];
    for (let round = 0; round < 5; round++) {
      const outcomes = await Promise.allSettled(
        keys.map((key, i) =>
          i % 2 === 0
            ? storage.put({ key, body, contentType: 'application/octet-stream' })
            : storage.delete(keys[i - 1]!),
        ),
      );
      for (const outcome of outcomes) if (outcome.status === 'rejected') failures.push(String(outcome.reason));
      await Promise.all(
        keys
          .filter((_, i) => i % 2 === 0)
          .map((key) => storage.put({ key, body: Buffer.from('y'), contentType: 'text/plain' })),
      );
      const present = await Promise.all(keys.filter((_, i) => i % 2 === 0).map((key) => storage.head(key)));
      present.forEach((head, i) => head || failures.push(`k${i * 2} missing after its put`));
      await storage.deleteMany(keys);
    }
    expect(failures).toEqual([]);
  });
});
