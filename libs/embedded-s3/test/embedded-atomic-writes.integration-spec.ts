import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { temporaryS3Suite } from './support/temporary-s3';

const s3 = temporaryS3Suite('mp-atomic-spec-');

async function read(key: string): Promise<Buffer> {
  const { body } = await s3().storage.getStream({ key });
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');

/** A presigned PUT whose body is sent in two halves: `second()` sends the rest and waits for the answer. */
async function halfSentPut(key: string, body: Buffer): Promise<{ second: () => Promise<number> }> {
  const url = new URL(
    await s3().storage.presignPut({ key, contentType: 'application/octet-stream', expiresInSeconds: 60 }),
  );
  let sendRest = (): unknown => undefined;
  const answered = new Promise<number>((resolve, reject) => {
    const req = request(url, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.write(body.subarray(0, body.length / 2));
    sendRest = () => req.end(body.subarray(body.length / 2));
  });
  // Let the first half reach the store's file before anyone reads.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return {
    second: async () => {
      sendRest();
      return answered;
    },
  };
}

describe('embedded S3: writes are all-or-nothing, as on S3', () => {
  it('serves the previous whole object while a new version is being written, then the new one', async () => {
    const key = 'uploads/replaced.bin';
    const first = randomBytes(512 * 1024);
    const second = randomBytes(768 * 1024);
    await s3().storage.put({ key, body: first, contentType: 'application/octet-stream' });

    const put = await halfSentPut(key, second);
    const during = await read(key);
    expect(during.equals(first)).toBe(true);
    expect((await s3().storage.head(key))?.etag).toBe(md5(first));

    expect(await put.second()).toBe(200);
    expect((await read(key)).equals(second)).toBe(true);
    expect((await s3().storage.head(key))?.etag).toBe(md5(second));
  });

  it('shows no object at all while the first version of a key is being written', async () => {
    const key = 'uploads/new.bin';
    const body = randomBytes(256 * 1024);
    const put = await halfSentPut(key, body);
    expect(await s3().storage.head(key)).toBeNull();
    expect((await s3().storage.list({ prefix: '', limit: 1000 })).objects.map((o) => o.key)).not.toContain(key);
    expect(await put.second()).toBe(200);
    expect((await read(key)).equals(body)).toBe(true);
  });

  it('copies only while the source still has the ETag given (x-amz-copy-source-if-match)', async () => {
    const from = 'staging/source.bin';
    const old = randomBytes(1000);
    await s3().storage.put({ key: from, body: old, contentType: 'application/octet-stream' });
    const replaced = randomBytes(1200);
    await s3().storage.put({ key: from, body: replaced, contentType: 'application/octet-stream' });

    expect(await s3().storage.copyIfUnchanged({ from, to: 'final/a.bin', etag: md5(old) })).toBe('changed');
    expect(await s3().storage.head('final/a.bin')).toBeNull();
    expect(await s3().storage.copyIfUnchanged({ from, to: 'final/a.bin', etag: md5(replaced) })).toEqual({
      etag: md5(replaced),
    });
    expect((await read('final/a.bin')).equals(replaced)).toBe(true);
    expect(await s3().storage.copyIfUnchanged({ from: 'staging/absent.bin', to: 'final/b.bin', etag: md5(old) })).toBe(
      'changed',
    );
  });
});
