import { DomainError } from '@mp/contracts';
import { ObjectHead, ObjectStorage, ObjectStream } from '@mp/storage';
import { strictMock } from '@mp/testing';
import Fastify from 'fastify';
import { Readable } from 'node:stream';
import { sendStoredObject } from './object-responder';

const KEY = 'bucket/object.bin';
const LAST_MODIFIED = new Date('2026-12-01T10:00:00Z');

/** A store whose object is replaced by each version in turn: HEADs and GETs see the version current when they run. */
function replacedStore(versions: { etag: string; bytes: string }[], replaceAfterHead: boolean) {
  let current = 0;
  const calls: string[] = [];
  const storage = strictMock<ObjectStorage>({
    head: async (key): Promise<ObjectHead> => {
      calls.push('head');
      const v = versions[current]!;
      if (replaceAfterHead) current = Math.min(current + 1, versions.length - 1);
      return {
        key,
        size: v.bytes.length,
        etag: v.etag,
        contentType: 'text/plain',
        lastModified: LAST_MODIFIED,
        metadata: {},
      };
    },
    getStream: async ({ range }): Promise<ObjectStream> => {
      calls.push('get');
      const v = versions[current]!;
      const bytes = Buffer.from(v.bytes);
      const part = range ? bytes.subarray(range.start, (range.end ?? bytes.length - 1) + 1) : bytes;
      return {
        body: Readable.from([part]),
        size: part.length,
        totalSize: bytes.length,
        etag: v.etag,
        lastModified: LAST_MODIFIED,
        metadata: {},
      };
    },
  });
  return { storage, calls, settle: () => (replaceAfterHead = false) };
}

async function serve(storage: ObjectStorage, headers: Record<string, string> = {}) {
  const app = Fastify();
  app.get('/x', async (request, reply) => {
    try {
      await sendStoredObject(storage, request, reply, { key: KEY });
    } catch (err) {
      await reply.status(503).send({ code: (err as DomainError).code });
    }
  });
  try {
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const res = await fetch(`${base}/x`, { headers });
    return { status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
  } finally {
    await app.close();
  }
}

describe('sendStoredObject when the object is replaced between its HEAD and its GET', () => {
  const versions = [
    { etag: 'old', bytes: 'the old bytes' },
    { etag: 'new', bytes: 'the new, longer bytes' },
  ];

  it('answers a whole GET from the new version: its headers with its bytes', async () => {
    const { storage, calls } = replacedStore(versions, true);
    const res = await serve(storage);
    expect(res.status).toBe(200);
    expect(res.body).toBe('the new, longer bytes');
    expect(res.headers).toMatchObject({ etag: '"new"', 'content-length': String('the new, longer bytes'.length) });
    expect(calls).toEqual(['head', 'get', 'head', 'get']);
  });

  it('answers a range from the new version, with its size in Content-Range', async () => {
    const { storage } = replacedStore(versions, true);
    const res = await serve(storage, { range: 'bytes=4-6' });
    expect(res.status).toBe(206);
    expect(res.body).toBe('new');
    expect(res.headers).toMatchObject({ etag: '"new"', 'content-range': 'bytes 4-6/21' });
  });

  it('gives up with a retryable error when every read finds another version', async () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ etag: `v${i}`, bytes: `version ${i}` }));
    const { storage, calls } = replacedStore(many, true);
    const res = await serve(storage);
    expect(res.status).toBe(503);
    expect(JSON.parse(res.body)).toEqual({ code: 'DependencyUnavailable' });
    expect(calls.filter((c) => c === 'head')).toHaveLength(3);
  });

  it('reads once when nothing changes', async () => {
    const { storage, calls } = replacedStore(versions, false);
    const res = await serve(storage, { range: 'bytes=0-2' });
    expect(res.body).toBe('the');
    expect(calls).toEqual(['head', 'get']);
  });
});
