import { DomainError } from '@mp/contracts';
import Fastify from 'fastify';
import { answerWithKeepAlive } from './keep-alive-answer';
import type { S3RequestContext } from './s3-request.context';

const later = <T>(ms: number, value: () => T) =>
  new Promise<T>((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(value());
      } catch (err) {
        reject(err);
      }
    }, ms),
  );

async function answer(work: () => Promise<string>, timing = { startAfterMs: 20, everyMs: 10 }) {
  const app = Fastify();
  app.post('/', async (request, reply) => {
    void reply.header('x-amz-request-id', 'req-1');
    await answerWithKeepAlive({ request, reply } as unknown as S3RequestContext, work(), timing);
  });
  return served(app);
}

/** Over a real socket: what a client reads, byte for byte. */
async function served(app: ReturnType<typeof Fastify>) {
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const res = await fetch(`${url}/`, { method: 'POST' });
    return { statusCode: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
  } finally {
    await app.close();
  }
}

describe('answerWithKeepAlive (CompleteMultipartUpload)', () => {
  it('answers quick work as usual', async () => {
    const res = await answer(() => Promise.resolve('<?xml version="1.0" encoding="UTF-8"?>\n<Done/>'));
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<Done/>');
  });

  it('quick failures stay real errors (the router renders them)', async () => {
    const app = Fastify();
    app.post('/', async (request, reply) => {
      await answerWithKeepAlive(
        { request, reply } as unknown as S3RequestContext,
        Promise.reject(new DomainError('InvalidPart', 'no such part')),
        { startAfterMs: 20, everyMs: 10 },
      ).catch((err: DomainError) => reply.status(400).send(err.code));
    });
    const res = await served(app);
    expect(res).toMatchObject({ statusCode: 400, body: 'InvalidPart' });
  });

  it('long work: 200 and the declaration at once, whitespace while it runs, then the document', async () => {
    const res = await answer(() => later(80, () => '<?xml version="1.0" encoding="UTF-8"?>\n<Done/>'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-amz-request-id']).toBe('req-1');
    expect(res.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n {2,}<Done\/>$/);
  });

  it('long work that fails ends the 200 with an S3 <Error> document', async () => {
    const res = await answer(() =>
      later(60, () => {
        throw new DomainError('QuotaExceeded', 'Storage quota exceeded');
      }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(
      /^<\?xml[^>]*>\n *<Error><Code>QuotaExceeded<\/Code><Message>Storage quota exceeded<\/Message>/,
    );
  });
});
