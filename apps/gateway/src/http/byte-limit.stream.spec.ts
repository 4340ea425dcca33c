import { DomainError } from '@mp/contracts';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { byteLimit } from './byte-limit.stream';

const tooLarge = () => new DomainError('PayloadTooLarge', 'too large');

async function collect(chunks: string[], max: number): Promise<string> {
  let out = '';
  await pipeline(Readable.from(chunks.map((c) => Buffer.from(c))), byteLimit(max, tooLarge), async (source) => {
    for await (const chunk of source) out += String(chunk);
  });
  return out;
}

describe('byteLimit', () => {
  it('passes a body of at most maxBytes through unchanged', async () => {
    expect(await collect(['abc', 'de'], 5)).toBe('abcde');
    expect(await collect([], 0)).toBe('');
  });

  it("fails with the dialect's error on the chunk that passes the limit", async () => {
    await expect(collect(['abc', 'def'], 5)).rejects.toMatchObject({ code: 'PayloadTooLarge', message: 'too large' });
  });
});
