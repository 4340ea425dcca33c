import { temporaryS3Suite } from './support/temporary-s3';
import { randomBytes } from 'node:crypto';

const ROUNDS = 60;

const s3 = temporaryS3Suite('mp-dir-race-spec-');

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
      await s3().storage.put({
        key: `${dir}/other.bin`,
        body: Buffer.from('x'),
        contentType: 'application/octet-stream',
      });
      const key = `${dir}/kept-${round}.bin`;
      const put = s3().storage.put({
        key,
        body: round % 2 ? body : Buffer.from('small'),
        contentType: 'application/octet-stream',
      });
      await Promise.all([put, s3().storage.delete(`${dir}/other.bin`)]);
      if (!(await s3().storage.head(key))) lost.push(key);
      await s3().storage.delete(key);
    }
    expect(lost).toEqual([]);
  });

  it('keeps an object copied into a directory while the only other object there is deleted', async () => {
    await s3().storage.put({ key: 'sources/original.bin', body, contentType: 'application/octet-stream' });
    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const dir = `copies/c${round % 4}`;
      await s3().storage.put({
        key: `${dir}/other.bin`,
        body: Buffer.from('x'),
        contentType: 'application/octet-stream',
      });
      const key = `${dir}/copy-${round}.bin`;
      const outcomes = await Promise.allSettled([
        s3().storage.delete(`${dir}/other.bin`),
        s3().storage.copy({ from: 'sources/original.bin', to: key }),
      ]);
      for (const outcome of outcomes)
        if (outcome.status === 'rejected') failures.push(`${key}: ${String(outcome.reason)}`);
      if (!(await s3().storage.head(key))) failures.push(`${key}: missing`);
      await s3().storage.delete(key);
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
            ? s3().storage.put({ key, body, contentType: 'application/octet-stream' })
            : s3().storage.delete(keys[i - 1]!),
        ),
      );
      for (const outcome of outcomes) if (outcome.status === 'rejected') failures.push(String(outcome.reason));
      await Promise.all(
        keys
          .filter((_, i) => i % 2 === 0)
          .map((key) => s3().storage.put({ key, body: Buffer.from('y'), contentType: 'text/plain' })),
      );
      const present = await Promise.all(keys.filter((_, i) => i % 2 === 0).map((key) => s3().storage.head(key)));
      present.forEach((head, i) => head || failures.push(`k${i * 2} missing after its put`));
      await s3().storage.deleteMany(keys);
    }
    expect(failures).toEqual([]);
  });
});
