import { ChunkGatherer } from './chunk-gatherer';

describe('ChunkGatherer', () => {
  it('hands out fixed pieces across and within received buffers, in order', () => {
    const g = new ChunkGatherer();
    const all = Buffer.from('abcdefghijklmnopqrstuvwxyz');
    for (const [s, e] of [
      [0, 3],
      [3, 4],
      [4, 15],
      [15, 26],
    ]) {
      g.push(all.subarray(s, e));
    }
    expect(g.length).toBe(26);
    expect(g.take(5).toString()).toBe('abcde');
    expect(g.take(2).toString()).toBe('fg');
    expect(g.take(10).toString()).toBe('hijklmnopq');
    expect(g.length).toBe(9);
    expect(g.take(100).toString()).toBe('rstuvwxyz');
    expect(g.take(1)).toEqual(Buffer.alloc(0));
  });
});
