import { DeleteBucketCorsCommand, PutBucketCorsCommand, S3Client } from '@aws-sdk/client-s3';
import { DomainError } from '@mp/contracts';
import { EmbeddedS3Server } from '../src';
import { startTemporaryS3, TemporaryS3 } from './support/temporary-s3';
import { ObjectStorage, parseS3Notification, S3EventRecord, StorageConfig } from '@mp/storage';
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';

const ACCESS_KEY_ID = 'STORAGESPECKEY';
const SECRET_ACCESS_KEY = 'storage-spec-secret-0123456789';
const BUCKET = `spec-${randomBytes(4).toString('hex')}`;
const MB = 1024 * 1024;

let s3: TemporaryS3;
let server: EmbeddedS3Server;
let storage: ObjectStorage;
const events: S3EventRecord[] = [];

function config(overrides: Partial<StorageConfig> = {}): StorageConfig {
  return {
    endpoint: server.endpoint,
    publicEndpoint: server.endpoint,
    region: 'us-east-1',
    accessKeyId: ACCESS_KEY_ID,
    secretAccessKey: SECRET_ACCESS_KEY,
    bucket: BUCKET,
    forcePathStyle: true,
    ...overrides,
  };
}

beforeAll(async () => {
  s3 = await startTemporaryS3('mp-storage-spec-', {
    accessKeyId: ACCESS_KEY_ID,
    secretAccessKey: SECRET_ACCESS_KEY,
    buckets: [BUCKET],
    onEvent: (record) => {
      events.push(record);
    },
  });
  ({ server } = s3);
  storage = new ObjectStorage(config());
});

afterAll(async () => {
  storage?.destroy();
  await s3?.stop();
});

/** Resolves with the first event matching, waiting for deliveries to settle. */
async function eventFor(predicate: (record: S3EventRecord) => boolean, timeoutMs = 5000): Promise<S3EventRecord> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = events.find(predicate);
    if (found) return found;
    if (Date.now() > deadline)
      throw new Error(`no matching event among ${JSON.stringify(events.map((e) => [e.eventName, e.s3.object.key]))}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function bytesOf(key: string): Promise<Buffer> {
  const { body } = await storage.getStream({ key });
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A multipart form built the way browsers and Python clients send one: the fields in order, the file last. */
function uploadForm(fields: Record<string, string>, file: Buffer, contentType: string): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([file], { type: contentType }), 'upload.bin');
  return form;
}

async function expectDomainError(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
}

describe('buckets', () => {
  it('ensureBucket is idempotent and pingable, and a bucket it creates accepts browser CORS preflights', async () => {
    await storage.ensureBucket();
    await storage.ensureBucket();
    const fresh = new ObjectStorage(config({ bucket: `${BUCKET}-fresh` }));
    try {
      await expectDomainError(fresh.ping(), 'DependencyUnavailable');
      await fresh.ensureBucket();
      await fresh.ensureBucket();
      await expect(fresh.ping()).resolves.toBeUndefined();
      const preflight = await fetch(`${server.endpoint}/${BUCKET}-fresh/some/key.png`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://app.example',
          'Access-Control-Request-Method': 'PUT',
          'Access-Control-Request-Headers': 'content-type',
        },
      });
      expect(preflight.status).toBe(200);
      expect(preflight.headers.get('access-control-allow-origin')).toBeTruthy();
      const postPreflight = await fetch(`${server.endpoint}/${BUCKET}-fresh`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'POST' },
      });
      expect(postPreflight.status).toBe(200);
      // The server keeps buckets' CORS documents in memory: its own writes of them take effect at once.
      const admin = new S3Client({
        endpoint: server.endpoint,
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY },
      });
      const preflightPut = () =>
        fetch(`${server.endpoint}/${BUCKET}-fresh/k`, {
          method: 'OPTIONS',
          headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'PUT' },
        }).then((r) => r.status);
      try {
        await admin.send(new DeleteBucketCorsCommand({ Bucket: `${BUCKET}-fresh` }));
        expect(await preflightPut()).toBe(403);
        await admin.send(
          new PutBucketCorsCommand({
            Bucket: `${BUCKET}-fresh`,
            CORSConfiguration: { CORSRules: [{ AllowedOrigins: ['https://app.example'], AllowedMethods: ['PUT'] }] },
          }),
        );
        expect(await preflightPut()).toBe(200);
      } finally {
        admin.destroy();
      }
    } finally {
      fresh.destroy();
    }
  });

  it('ping fails with DependencyUnavailable when the store is unreachable', async () => {
    const spare = await s3.startSibling('spare', { buckets: [BUCKET] });
    const unreachable = new ObjectStorage(config({ endpoint: spare.endpoint, publicEndpoint: spare.endpoint }));
    await spare.stop();
    try {
      await expectDomainError(unreachable.ping(), 'DependencyUnavailable');
    } finally {
      unreachable.destroy();
    }
  });

  it('refuses unsigned requests: buckets are private', async () => {
    const put = await fetch(`${server.endpoint}/${BUCKET}/anonymous.txt`, { method: 'PUT', body: 'x' });
    expect(put.status).toBe(403);
    expect(await put.text()).toContain('<Code>AccessDenied</Code>');
    expect((await fetch(`${server.endpoint}/${BUCKET}?list-type=2`)).status).toBe(403);
    expect(await storage.head('anonymous.txt')).toBeNull();
  });
});

describe('presigned POST (browser-form upload)', () => {
  /** The form fields in posting order; temporary credentials add their token before the policy. */
  const postFieldsInOrder = ({ sessionToken }: { sessionToken: boolean }) => [
    'Content-Type',
    'key',
    'x-amz-algorithm',
    'x-amz-credential',
    'x-amz-date',
    ...(sessionToken ? ['x-amz-security-token'] : []),
    'policy',
    'x-amz-signature',
  ];

  it('returns the fields in posting order', async () => {
    const post = await storage.presignPost({
      key: 'order/a.png',
      contentType: 'image/png',
      maxBytes: 1000,
      expiresInSeconds: 60,
    });
    expect(post.url).toBe(`${server.endpoint}/${BUCKET}`);
    expect(Object.keys(post.fields)).toEqual(postFieldsInOrder({ sessionToken: false }));
    const policy = JSON.parse(Buffer.from(post.fields.policy, 'base64').toString()) as { conditions: unknown[] };
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 0, 1000],
        ['eq', '$key', 'order/a.png'],
        ['eq', '$Content-Type', 'image/png'],
      ]),
    );
  });

  it('adds x-amz-security-token for temporary credentials', async () => {
    const temporary = new ObjectStorage(config({ sessionToken: 'session-token-1' }));
    const post = await temporary.presignPost({
      key: 'k',
      contentType: 'image/png',
      maxBytes: 10,
      expiresInSeconds: 60,
    });
    temporary.destroy();
    expect(Object.keys(post.fields)).toEqual(postFieldsInOrder({ sessionToken: true }));
    expect(post.fields['x-amz-security-token']).toBe('session-token-1');
  });

  it('uploads like a browser does, and the object event reports key and size', async () => {
    const key = 'uploads/team 1/photo+1 é.png';
    const file = randomBytes(3000);
    const post = await storage.presignPost({ key, contentType: 'image/png', maxBytes: 10_000, expiresInSeconds: 60 });
    const response = await fetch(post.url, { method: 'POST', body: uploadForm(post.fields, file, 'image/png') });
    expect(response.status).toBe(204);
    expect(await bytesOf(key)).toEqual(file);
    expect(await storage.head(key)).toMatchObject({
      key,
      size: file.length,
      contentType: 'image/png',
      etag: createHash('md5').update(file).digest('hex'),
    });
    const event = await eventFor((e) => e.s3.object.key === key);
    expect(event).toMatchObject({
      eventName: 'ObjectCreated:Post',
      s3: { bucket: { name: BUCKET }, object: { key, size: file.length } },
    });
    expect(event.s3.object.sequencer).toMatch(/^[0-9A-F]+$/);
    expect(Number.isNaN(Date.parse(event.eventTime))).toBe(false);
  });

  it('streams a large form upload through the policy check, answering browsers with CORS headers', async () => {
    const key = 'uploads/large.bin';
    const file = randomBytes(5 * MB + 123);
    const post = await storage.presignPost({
      key,
      contentType: 'application/octet-stream',
      maxBytes: 10 * MB,
      expiresInSeconds: 60,
    });
    const response = await fetch(post.url, {
      method: 'POST',
      body: uploadForm(post.fields, file, 'application/octet-stream'),
      headers: { Origin: 'https://app.example' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBeTruthy();
    expect(await storage.digest({ key, algorithms: ['sha256'] })).toEqual({
      size: file.length,
      sha256: createHash('sha256').update(file).digest('hex'),
    });
  });

  it('rejects a tampered signature, a changed key or content type, and an expired policy', async () => {
    const key = 'uploads/tampered.png';
    const post = await storage.presignPost({ key, contentType: 'image/png', maxBytes: 10_000, expiresInSeconds: 60 });
    const signature = post.fields['x-amz-signature'];
    const tampered = { ...post.fields, 'x-amz-signature': (signature[0] === 'a' ? 'b' : 'a') + signature.slice(1) };
    const attempts: [string, Record<string, string>, string][] = [
      ['tampered signature', tampered, 'SignatureDoesNotMatch'],
      ['other key', { ...post.fields, key: 'uploads/elsewhere.png' }, 'AccessDenied'],
      ['other content type', { ...post.fields, 'Content-Type': 'text/html' }, 'AccessDenied'],
    ];
    const expired = await storage.presignPost({
      key,
      contentType: 'image/png',
      maxBytes: 10_000,
      expiresInSeconds: -1,
    });
    attempts.push(['expired', expired.fields, 'AccessDenied']);
    const wrongSecret = new ObjectStorage(config({ secretAccessKey: 'not-the-secret' }));
    attempts.push([
      'wrong secret',
      (await wrongSecret.presignPost({ key, contentType: 'image/png', maxBytes: 10_000, expiresInSeconds: 60 })).fields,
      'SignatureDoesNotMatch',
    ]);
    wrongSecret.destroy();
    for (const [what, fields, code] of attempts) {
      const response = await fetch(post.url, {
        method: 'POST',
        body: uploadForm(fields, Buffer.from('evil'), fields['Content-Type']),
      });
      expect({ what, status: response.status, code: /<Code>(\w+)<\/Code>/.exec(await response.text())?.[1] }).toEqual({
        what,
        status: 403,
        code,
      });
    }
    expect(await storage.head(key)).toBeNull();
    expect(await storage.head('uploads/elsewhere.png')).toBeNull();
  });
});

describe('presigned PUT and GET', () => {
  it('PUT works with the signed content type and is rejected with another', async () => {
    const key = 'put/doc.txt';
    const url = await storage.presignPut({ key, contentType: 'text/plain', expiresInSeconds: 60 });
    expect(url).not.toMatch(/x-amz-checksum|x-amz-sdk-checksum/i);
    const wrong = await fetch(url, { method: 'PUT', body: 'evil', headers: { 'Content-Type': 'text/html' } });
    expect(wrong.status).toBe(403);
    expect(await storage.head(key)).toBeNull();
    const right = await fetch(url, { method: 'PUT', body: 'hello put', headers: { 'Content-Type': 'text/plain' } });
    expect(right.status).toBe(200);
    expect(await storage.head(key)).toMatchObject({ size: 9, contentType: 'text/plain' });
    await eventFor((e) => e.s3.object.key === key && e.eventName === 'ObjectCreated:Put' && e.s3.object.size === 9);
  });

  it('GET returns the bytes, on the public endpoint, optionally as a named attachment', async () => {
    const key = 'get/report 1.pdf';
    await storage.put({ key, body: Buffer.from('%PDF-1.4 bytes'), contentType: 'application/pdf' });
    const publicStorage = new ObjectStorage(config({ publicEndpoint: `http://localhost:${server.port}` }));
    try {
      const url = await publicStorage.presignGet({ key, expiresInSeconds: 60 });
      expect(url.startsWith(`http://localhost:${server.port}/${BUCKET}/get/report%201.pdf?`)).toBe(true);
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).toString()).toBe('%PDF-1.4 bytes');
      const tampered = url.replace('/get/report%201.pdf?', '/get/other.pdf?');
      expect((await fetch(tampered)).status).toBe(403);
      const named = await fetch(
        await publicStorage.presignGet({ key, expiresInSeconds: 60, downloadName: 'Rapport é.pdf' }),
      );
      expect(named.headers.get('content-disposition')).toBe(
        `attachment; filename="Rapport _.pdf"; filename*=UTF-8''Rapport%20%C3%A9.pdf`,
      );
    } finally {
      publicStorage.destroy();
    }
  });
});

describe('objects', () => {
  it('head is null for an absent object; reading it throws ObjectNotFound', async () => {
    expect(await storage.head('absent/object')).toBeNull();
    await expectDomainError(storage.getStream({ key: 'absent/object' }), 'ObjectNotFound');
    await expectDomainError(storage.readHead({ key: 'absent/object', bytes: 4 }), 'ObjectNotFound');
    await expectDomainError(storage.readAll('absent/object', 100), 'ObjectNotFound');
  });

  it('readAll / readFirstBytes read a whole object or its head (any key), refusing one over the limit from its size; writeAll stores a buffer; all fail cleanly', async () => {
    const body = randomBytes(3 * MB + 17);
    const key = 'whole/ünï +&?#.bin';
    await storage.put({ key, body, contentType: 'application/octet-stream' });
    expect((await storage.readAll(key, 4 * MB)).equals(body)).toBe(true);
    expect((await storage.readAll(key, body.length)).equals(body)).toBe(true);
    await expectDomainError(storage.readAll(key, body.length - 1), 'PayloadTooLarge');
    await storage.put({ key: 'whole/empty', body: Buffer.alloc(0), contentType: 'text/plain' });
    expect(await storage.readAll('whole/empty', 10)).toEqual(Buffer.alloc(0));
    const reads = await Promise.all(Array.from({ length: 8 }, () => storage.readAll(key, 4 * MB)));
    expect(reads.every((read) => read.equals(body))).toBe(true);
    const first = await storage.readFirstBytes(key, 10, 4 * MB);
    expect([first.bytes.equals(body.subarray(0, 10)), first.size]).toEqual([true, body.length]);
    const all = await storage.readFirstBytes(key, 4 * MB, 4 * MB);
    expect([all.bytes.equals(body), all.size]).toEqual([true, body.length]);
    await expectDomainError(storage.readFirstBytes(key, 10, body.length - 1), 'PayloadTooLarge');
    expect(await storage.readFirstBytes('whole/empty', 10, 100)).toEqual({ bytes: Buffer.alloc(0), size: 0 });
    await expectDomainError(storage.readFirstBytes('whole/absent', 10, 100), 'ObjectNotFound');
    const small = randomBytes(3000);
    const written = await storage.writeAll({ key: 'whole/ünï written.bin', body: small, contentType: 'image/png' });
    expect(written).toEqual({ etag: createHash('md5').update(small).digest('hex'), size: small.length });
    expect((await storage.readAll('whole/ünï written.bin', MB)).equals(small)).toBe(true);
    expect(await storage.head('whole/ünï written.bin')).toMatchObject({ size: small.length, contentType: 'image/png' });
    const wrongSecret = new ObjectStorage(config({ secretAccessKey: 'not-the-secret' }));
    const dead = new ObjectStorage(config({ endpoint: 'http://127.0.0.1:9' }));
    try {
      await expectDomainError(wrongSecret.readAll(key, 4 * MB), 'DependencyUnavailable');
      await expectDomainError(dead.readAll(key, 4 * MB), 'DependencyUnavailable');
      await expectDomainError(
        wrongSecret.writeAll({ key: 'whole/x', body: small, contentType: 'image/png' }),
        'DependencyUnavailable',
      );
      await expectDomainError(dead.readFirstBytes(key, 10, 4 * MB), 'DependencyUnavailable');
    } finally {
      wrongSecret.destroy();
      dead.destroy();
    }
  });

  it('getStream reads ranges; readHead reads the first bytes', async () => {
    const key = 'range/alphabet.txt';
    await storage.put({ key, body: Buffer.from('abcdefghijklmnopqrstuvwxyz'), contentType: 'text/plain' });
    const middle = await storage.getStream({ key, range: { start: 2, end: 5 } });
    const chunks: Buffer[] = [];
    for await (const chunk of middle.body) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('cdef');
    expect(middle).toMatchObject({ size: 4, totalSize: 26, contentType: 'text/plain' });
    const first = await storage.getStream({ key, range: { start: 0, end: 0 } });
    const firstBytes: Buffer[] = [];
    for await (const chunk of first.body) firstBytes.push(chunk as Buffer);
    expect([Buffer.concat(firstBytes).toString(), first.size]).toEqual(['a', 1]);
    const tail = await storage.getStream({ key, range: { start: 20 } });
    tail.body.destroy();
    expect(tail).toMatchObject({ size: 6, totalSize: 26 });
    await expectDomainError(storage.getStream({ key, range: { start: 100 } }), 'ValidationFailed');
    expect((await storage.readHead({ key, bytes: 3 })).toString()).toBe('abc');
    expect((await storage.readHead({ key, bytes: 100 })).toString()).toBe('abcdefghijklmnopqrstuvwxyz');
    await storage.put({ key: 'range/empty', body: Buffer.alloc(0), contentType: 'text/plain' });
    expect(await storage.readHead({ key: 'range/empty', bytes: 8 })).toEqual(Buffer.alloc(0));
  });

  it('put streams a 12 MB Readable of unknown length in parts', async () => {
    const key = 'big/stream.bin';
    const md5 = createHash('md5');
    const sha256 = createHash('sha256');
    const body = Readable.from(
      (function* () {
        for (let i = 0; i < 12; i++) {
          const chunk = randomBytes(MB);
          md5.update(chunk);
          sha256.update(chunk);
          yield chunk;
        }
      })(),
    );
    const stored = await storage.put({ key, body, contentType: 'application/octet-stream' });
    expect(stored.size).toBe(12 * MB);
    expect(await storage.head(key)).toMatchObject({ size: 12 * MB, contentType: 'application/octet-stream' });
    expect(await storage.digest({ key, algorithms: ['md5', 'sha256'] })).toEqual({
      size: 12 * MB,
      md5: md5.digest('hex'),
      sha256: sha256.digest('hex'),
    });
    await eventFor(
      (e) =>
        e.s3.object.key === key &&
        e.eventName === 'ObjectCreated:CompleteMultipartUpload' &&
        e.s3.object.size === 12 * MB,
    );
  });

  it('put stores a small stream in one request and refuses a stream of another length than declared', async () => {
    const stored = await storage.put({
      key: 'small/stream.txt',
      body: Readable.from([Buffer.from('streamed')]),
      contentType: 'text/plain',
      contentLength: 8,
    });
    expect(stored).toEqual({ size: 8, etag: createHash('md5').update('streamed').digest('hex') });
    await expectDomainError(
      storage.put({
        key: 'small/liar.txt',
        body: Readable.from([Buffer.from('longer than said')]),
        contentType: 'text/plain',
        contentLength: 4,
      }),
      'ValidationFailed',
    );
    expect(await storage.head('small/liar.txt')).toBeNull();
  });

  it('copy duplicates an object (event with ETag) and throws ObjectNotFound for an absent source', async () => {
    const body = Buffer.from('copy me');
    await storage.put({ key: 'copy/source name.txt', body, contentType: 'text/plain' });
    const { etag } = await storage.copy({ from: 'copy/source name.txt', to: 'copy/target.txt' });
    expect(etag).toBe(createHash('md5').update(body).digest('hex'));
    expect(await bytesOf('copy/target.txt')).toEqual(body);
    expect(await storage.head('copy/target.txt')).toMatchObject({ contentType: 'text/plain', size: body.length });
    const event = await eventFor((e) => e.s3.object.key === 'copy/target.txt');
    expect(event).toMatchObject({ eventName: 'ObjectCreated:Copy', s3: { object: { size: body.length, eTag: etag } } });
    await expectDomainError(storage.copy({ from: 'copy/absent.txt', to: 'copy/never.txt' }), 'ObjectNotFound');
  });

  it('delete is idempotent and reported; deleteMany removes every key and reports each', async () => {
    await storage.put({ key: 'delete/one.txt', body: Buffer.from('1'), contentType: 'text/plain' });
    await storage.delete('delete/one.txt');
    await storage.delete('delete/one.txt');
    await storage.delete('delete/never-existed.txt');
    expect(await storage.head('delete/one.txt')).toBeNull();
    expect(
      await eventFor((e) => e.s3.object.key === 'delete/one.txt' && e.eventName === 'ObjectRemoved:Delete'),
    ).toBeDefined();

    const keys = ['delete/many/a.txt', 'delete/many/b.txt', 'delete/many/c.txt'];
    for (const key of keys) await storage.put({ key, body: Buffer.from(key), contentType: 'text/plain' });
    await storage.deleteMany([...keys, 'delete/many/absent.txt']);
    await storage.deleteMany([]);
    for (const key of keys) {
      expect(await storage.head(key)).toBeNull();
      await eventFor((e) => e.s3.object.key === key && e.eventName === 'ObjectRemoved:Delete');
    }
  });

  it('handles keys with characters URL encodings disagree on', async () => {
    const keys = ['odd/a+b&c?d#e.txt', "odd/it's (1)*!.txt", 'odd/<tag attr="v">`&amp;.txt', 'odd/ünïcödé %41.txt'];
    for (const key of keys) {
      await storage.put({ key, body: Buffer.from(key), contentType: 'text/plain' });
      expect(await storage.head(key)).toMatchObject({ key, size: Buffer.byteLength(key) });
      const copied = `${key}.copy`;
      await storage.copy({ from: key, to: copied });
      expect((await bytesOf(copied)).toString()).toBe(key);
      const response = await fetch(await storage.presignGet({ key, expiresInSeconds: 60, downloadName: key.slice(4) }));
      expect({ key, status: response.status }).toEqual({ key, status: 200 });
    }
    expect((await storage.list({ prefix: "odd/it's", limit: 10 })).objects.map((o) => o.key)).toEqual([
      "odd/it's (1)*!.txt",
      "odd/it's (1)*!.txt.copy",
    ]);
    const all = await storage.list({ prefix: 'odd/', limit: 100 });
    expect(all.objects.map((o) => o.key)).toEqual(keys.flatMap((key) => [key, `${key}.copy`]).sort());
  });

  it('list pages through a prefix with a cursor', async () => {
    const keys = ['list/a', 'list/b', 'list/c', 'list/d', 'list/e'];
    for (const key of keys) await storage.put({ key, body: Buffer.from(key), contentType: 'text/plain' });
    await storage.put({ key: 'listing-elsewhere', body: Buffer.from('x'), contentType: 'text/plain' });
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await storage.list({ prefix: 'list/', cursor, limit: 2 });
      pages.push(page.objects.map((o) => o.key));
      for (const object of page.objects)
        expect(object).toMatchObject({ size: 6, etag: createHash('md5').update(object.key).digest('hex') });
      expect(page.objects.every((o) => o.lastModified instanceof Date)).toBe(true);
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toEqual([['list/a', 'list/b'], ['list/c', 'list/d'], ['list/e']]);
  });

  it('digest hashes the stored bytes', async () => {
    const body = randomBytes(100_000);
    await storage.put({ key: 'digest/blob', body, contentType: 'application/octet-stream' });
    expect(await storage.digest({ key: 'digest/blob', algorithms: ['md5', 'sha256'] })).toEqual({
      size: body.length,
      md5: createHash('md5').update(body).digest('hex'),
      sha256: createHash('sha256').update(body).digest('hex'),
    });
    expect(await storage.digest({ key: 'digest/blob', algorithms: ['sha256'] })).toEqual({
      size: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
    });
  });
});

describe('object events', () => {
  it('keeps delivering after a failing callback and reports the failure', async () => {
    const failures: string[] = [];
    const delivered: string[] = [];
    const spare = await s3.startSibling('events', {
      buckets: [BUCKET],
      onEvent: async (record) => {
        if (record.s3.object.key === 'first') throw new Error('consumer down');
        delivered.push(`${record.eventName} ${record.s3.object.key}`);
      },
      onEventError: (error, record) => failures.push(`${record.s3.object.key}: ${(error as Error).message}`),
    });
    const client = new ObjectStorage(config({ endpoint: spare.endpoint, publicEndpoint: spare.endpoint }));
    try {
      await client.put({ key: 'first', body: Buffer.from('1'), contentType: 'text/plain' });
      await client.put({ key: 'second', body: Buffer.from('2'), contentType: 'text/plain' });
      await client.delete('second');
    } finally {
      client.destroy();
      await spare.stop(); // waits for pending deliveries
    }
    expect(failures).toEqual(['first: consumer down']);
    expect(delivered).toEqual(['ObjectCreated:Put second', 'ObjectRemoved:Delete second']);
  });
});

describe('parseS3Notification', () => {
  it('reads a MinIO webhook body with URL-encoded keys and ignores junk', () => {
    const body = {
      EventName: 's3:ObjectCreated:Put',
      Key: `${BUCKET}/a%2Fb+c.png`,
      Records: [
        {
          eventVersion: '2.0',
          eventSource: 'minio:s3',
          awsRegion: '',
          eventTime: '2026-11-22T10:00:00.000Z',
          eventName: 's3:ObjectCreated:Put',
          s3: {
            s3SchemaVersion: '1.0',
            bucket: { name: BUCKET, arn: `arn:aws:s3:::${BUCKET}` },
            object: { key: 'a%2Fb+c.png', size: 42, eTag: 'abc123', sequencer: '17A0F0E0D0C0B0A0' },
          },
        },
      ],
    };
    expect(parseS3Notification(body)).toEqual([
      {
        eventName: 'ObjectCreated:Put',
        eventTime: '2026-11-22T10:00:00.000Z',
        s3: {
          bucket: { name: BUCKET },
          object: { key: 'a/b c.png', size: 42, eTag: 'abc123', sequencer: '17A0F0E0D0C0B0A0' },
        },
      },
    ]);
    expect(parseS3Notification(JSON.stringify(body))).toHaveLength(1);
    for (const junk of [
      null,
      undefined,
      42,
      'not json',
      {},
      { Records: 'x' },
      { Records: [null, 1, { eventName: 'ObjectCreated:Put' }] },
    ]) {
      expect(parseS3Notification(junk)).toEqual([]);
    }
  });
});
