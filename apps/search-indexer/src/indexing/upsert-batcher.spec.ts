import { FileDocument } from '@mp/contracts';
import { UpsertBatcher } from './upsert-batcher';

const doc = (file_id: string) => ({ file_id }) as FileDocument;

describe('UpsertBatcher', () => {
  it('writes documents submitted together in one batch, and later ones in the next', async () => {
    const batches: string[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const batcher = new UpsertBatcher(async (docs) => {
      batches.push(docs.map((d) => d.file_id));
      if (batches.length === 1) await gate;
      return { applied: docs.map((d) => d.file_id).filter((id) => id !== 'stale') };
    }, 100);

    const first = [batcher.submit(doc('a')), batcher.submit(doc('b'))];
    await new Promise((r) => setImmediate(r));
    const second = [batcher.submit(doc('c')), batcher.submit(doc('stale')), batcher.submit(doc('d'))];
    release();
    expect(await Promise.all([...first, ...second])).toEqual([true, true, true, false, true]);
    expect(batches).toEqual([
      ['a', 'b'],
      ['c', 'stale', 'd'],
    ]);
  });

  it('caps a batch at maxBatch documents', async () => {
    const sizes: number[] = [];
    const batcher = new UpsertBatcher(async (docs) => {
      sizes.push(docs.length);
      return { applied: docs.map((d) => d.file_id) };
    }, 3);
    await Promise.all(Array.from({ length: 8 }, (_, i) => batcher.submit(doc(`f${i}`))));
    expect(sizes).toEqual([3, 3, 2]);
  });

  it('isolates a failing document by retrying the failed batch one by one', async () => {
    const calls: string[][] = [];
    const batcher = new UpsertBatcher(async (docs) => {
      calls.push(docs.map((d) => d.file_id));
      if (docs.some((d) => d.file_id === 'bad')) throw new Error('check constraint violated');
      return { applied: docs.map((d) => d.file_id) };
    }, 10);
    const results = await Promise.allSettled([
      batcher.submit(doc('a')),
      batcher.submit(doc('bad')),
      batcher.submit(doc('b')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('check constraint violated'));
    expect(calls).toEqual([['a', 'bad', 'b'], ['a'], ['bad'], ['b']]);
  });

  it('keeps working after a failure', async () => {
    let fail = true;
    const batcher = new UpsertBatcher(async (docs) => {
      if (fail) throw new Error('database down');
      return { applied: docs.map((d) => d.file_id) };
    }, 10);
    await expect(batcher.submit(doc('a'))).rejects.toThrow('database down');
    fail = false;
    await expect(batcher.submit(doc('a'))).resolves.toBe(true);
  });
});
