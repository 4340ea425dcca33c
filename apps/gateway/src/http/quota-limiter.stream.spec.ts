import { DomainError } from '@mp/contracts';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { QuotaLimiter } from './quota-limiter.stream';

function chunks(sizes: number[]): Readable {
  return Readable.from(sizes.map((n) => Buffer.alloc(n, 7)));
}

function sink(): { stream: Writable; received: () => number } {
  let received = 0;
  return {
    stream: new Writable({
      write(chunk: Buffer, _enc, cb) {
        received += chunk.length;
        cb();
      },
    }),
    received: () => received,
  };
}

describe('QuotaLimiter', () => {
  it('asks to cover each running total before passing the chunk on', async () => {
    const covered: number[] = [];
    const out = sink();
    const limiter = new QuotaLimiter({ maxBytes: 1000, cover: async (total) => void covered.push(total) });
    await pipeline(chunks([100, 200, 300]), limiter, out.stream);
    expect(covered).toEqual([100, 300, 600]);
    expect(limiter.bytes).toBe(600);
    expect(out.received()).toBe(600);
  });

  it('stops at the chunk the reservation cannot cover; nothing past it reaches the store', async () => {
    const out = sink();
    const exceeded = new DomainError('QuotaExceeded', 'Storage quota exceeded');
    const limiter = new QuotaLimiter({
      maxBytes: 10_000,
      cover: async (total) => (total > 250 ? Promise.reject(exceeded) : undefined),
    });
    await expect(pipeline(chunks([100, 100, 100, 100]), limiter, out.stream)).rejects.toBe(exceeded);
    expect(out.received()).toBe(200);
    expect(limiter.bytes).toBe(200);
  });

  it('refuses a file over the size limit without asking for quota', async () => {
    const covered: number[] = [];
    const limiter = new QuotaLimiter({ maxBytes: 250, cover: async (total) => void covered.push(total) });
    const failure = pipeline(chunks([200, 100]), limiter, sink().stream);
    await expect(failure).rejects.toMatchObject({ code: 'PayloadTooLarge' });
    expect(covered).toEqual([200]);
  });
});
