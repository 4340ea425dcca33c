import { ObjectStorage, ObjectStream } from '@mp/storage';
import { strictMock } from '@mp/testing';
import Fastify from 'fastify';
import { Readable } from 'node:stream';
import { sendStoredObject, StoredObjectResponse } from './object-responder';
import { SmallObjectCache } from './small-object.cache';

const KEY = 'image/team/app/objects/v1';
const BYTES = Buffer.from('stored image bytes');
const LAST_MODIFIED = new Date('2026-12-01T10:00:00Z');

/** A store that answers GETs only (a HEAD would fail the test), recording whether each opened body was destroyed. */
function getOnlyStore() {
  const bodies: Readable[] = [];
  const storage = strictMock<ObjectStorage>({
    getStream: async (): Promise<ObjectStream> => {
      const body = Readable.from([BYTES]);
      bodies.push(body);
      return {
        body,
        size: BYTES.length,
        totalSize: BYTES.length,
        contentType: 'image/png',
        etag: 'abc',
        lastModified: LAST_MODIFIED,
        metadata: {},
      };
    },
  });
  return { storage, bodies };
}

/** A real server (Fastify's `inject` loads an ES module Jest cannot): the answer's status, headers and body. */
async function serve(
  storage: ObjectStorage,
  headers: Record<string, string> = {},
  extra: Partial<StoredObjectResponse> = {},
) {
  const app = Fastify();
  app.get('/x', (request, reply) =>
    sendStoredObject(storage, request, reply, { key: KEY, openBeforeHead: true, ...extra }),
  );
  try {
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const res = await fetch(`${base}/x`, { headers });
    return {
      statusCode: res.status,
      headers: Object.fromEntries(res.headers),
      rawPayload: Buffer.from(await res.arrayBuffer()),
    };
  } finally {
    await app.close();
  }
}

describe('sendStoredObject with openBeforeHead', () => {
  it('answers a plain GET from one GET of the store: its size and validators, no HEAD', async () => {
    const { storage, bodies } = getOnlyStore();
    const res = await serve(storage);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload).toEqual(BYTES);
    expect(res.headers).toMatchObject({
      etag: '"abc"',
      'last-modified': LAST_MODIFIED.toUTCString(),
      'content-length': String(BYTES.length),
      'content-type': 'image/png',
      'accept-ranges': 'bytes',
    });
    expect(bodies).toHaveLength(1);
  });

  it('answers 304 to a matching If-None-Match and releases the opened body', async () => {
    const { storage, bodies } = getOnlyStore();
    const res = await serve(storage, { 'if-none-match': '"abc"' });
    expect(res.statusCode).toBe(304);
    expect(res.rawPayload).toHaveLength(0);
    expect(bodies[0]!.destroyed).toBe(true);
  });

  it('still HEADs first for a range request', async () => {
    const heads: string[] = [];
    const storage = strictMock<ObjectStorage>({
      head: async (key) => {
        heads.push(key);
        return {
          key,
          size: BYTES.length,
          contentType: 'image/png',
          etag: 'abc',
          lastModified: LAST_MODIFIED,
          metadata: {},
        };
      },
      getStream: async ({ range }) => ({
        body: Readable.from([BYTES.subarray(range!.start, range!.end! + 1)]),
        size: range!.end! - range!.start + 1,
        totalSize: BYTES.length,
        etag: 'abc',
        lastModified: LAST_MODIFIED,
        metadata: {},
      }),
    });
    const res = await serve(storage, { range: 'bytes=0-5' });
    expect(res.statusCode).toBe(206);
    expect(res.rawPayload).toEqual(BYTES.subarray(0, 6));
    expect(heads).toEqual([KEY]);
  });
});

describe('sendStoredObject with a small-object cache', () => {
  it('reads an object once for a version, then answers from memory: whole, ranges and 304', async () => {
    const outcomes: string[] = [];
    const cache = new SmallObjectCache(1024 * 1024, 1024, (o) => outcomes.push(o));
    const { storage, bodies } = getOnlyStore();
    const first = await serve(storage, {}, { cache: { store: cache, version: '"v1"' } });
    expect(first.rawPayload).toEqual(BYTES);
    expect(bodies).toHaveLength(1);

    const noStore = strictMock<ObjectStorage>({});
    const again = await serve(noStore, {}, { cache: { store: cache, version: '"v1"' } });
    expect(again.statusCode).toBe(200);
    expect(again.rawPayload).toEqual(BYTES);
    expect(again.headers).toMatchObject({ etag: '"abc"', 'content-length': String(BYTES.length) });
    const part = await serve(noStore, { range: 'bytes=7-11' }, { cache: { store: cache, version: '"v1"' } });
    expect(part.statusCode).toBe(206);
    expect(part.rawPayload).toEqual(BYTES.subarray(7, 12));
    const parts = await serve(noStore, { range: 'bytes=0-1,3-4' }, { cache: { store: cache, version: '"v1"' } });
    expect(parts.statusCode).toBe(206);
    expect(parts.rawPayload.toString()).toContain('st');
    const unchanged = await serve(noStore, { 'if-none-match': '"abc"' }, { cache: { store: cache, version: '"v1"' } });
    expect(unchanged.statusCode).toBe(304);
    expect(outcomes).toEqual(['miss', 'hit', 'hit', 'hit', 'hit']);
  });

  it('reads the store again for another version, and never keeps an object larger than its limit', async () => {
    const cache = new SmallObjectCache(1024 * 1024, 1024);
    const { storage, bodies } = getOnlyStore();
    await serve(storage, {}, { cache: { store: cache, version: '"v1"' } });
    await serve(storage, {}, { cache: { store: cache, version: '"v2"' } });
    expect(bodies).toHaveLength(2);

    const tiny = new SmallObjectCache(1024 * 1024, BYTES.length - 1);
    const large = getOnlyStore();
    await serve(large.storage, {}, { cache: { store: tiny, version: '"v1"' } });
    const second = await serve(large.storage, {}, { cache: { store: tiny, version: '"v1"' } });
    expect(second.rawPayload).toEqual(BYTES);
    expect(large.bodies).toHaveLength(2);
  });

  it('with no memory configured, every GET reads the store', async () => {
    const outcomes: string[] = [];
    const off = new SmallObjectCache(0, 1024, (o) => outcomes.push(o));
    const { storage, bodies } = getOnlyStore();
    await serve(storage, {}, { cache: { store: off, version: '"v1"' } });
    await serve(storage, {}, { cache: { store: off, version: '"v1"' } });
    expect(bodies).toHaveLength(2);
    expect(outcomes).toEqual(['bypass', 'bypass']);
  });
});
