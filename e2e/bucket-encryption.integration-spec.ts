import { ObjectStorage } from '@mp/storage';
import { platformSuite, testObjectStorage } from '@mp/testing';
import { createHash, randomBytes } from 'node:crypto';

const K1 = randomBytes(32).toString('base64');
const K2 = randomBytes(32).toString('base64');

/** `use_encryption` buckets: AES-256-GCM chunks at rest, plaintext ETag, ranges, tamper detection, key rotation. */
describe('encryption at rest (seed 004 use_encryption)', () => {
  const suite = platformSuite({
    apps: ['quota-billing', 'buckets', 'gateway'],
    env: { BUCKET_ENCRYPTION_KEYS: `k1:${K1}` },
    teams: { 'team-a': ['bucket'] },
  });
  let storage: ObjectStorage;
  let account: string;
  const token = () => suite.team('team-a').keys.bucket!.key!;
  const swift = (path: string, init: RequestInit = {}) =>
    fetch(`${suite.gatewayUrl}/v1/${account}${path}`, {
      ...init,
      headers: { 'x-auth-token': token(), ...(init.headers as Record<string, string>) },
    });
  const stored = async () => (await storage.list({ prefix: `swift/${account}/`, limit: 1000 })).objects;
  // 200 KB: several 64 KiB chunks, a partial last one, and a phrase to look for.
  const plain = Buffer.concat([Buffer.from('TOP SECRET PLAINTEXT '.repeat(10_000)), randomBytes(1234)]);

  suite.beforeStop(() => storage?.destroy());
  beforeAll(() => {
    storage = testObjectStorage(suite.infra.env);
    account = suite.team('team-a').teamId;
  });

  it('stores ciphertext only, answers the plaintext with its MD5 and byte ranges', async () => {
    const created = await fetch(`${suite.gatewayUrl}/v1_ext/bucket`, {
      method: 'PUT',
      headers: { 'x-auth-token': token(), 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'vault', type: 'hot', use_encryption: true }),
    });
    expect(created.status).toBe(200);
    expect(await created.json()).toEqual({ name: 'vault', type: 'hot', use_encryption: true, use_encrytion: true });
    const md5 = createHash('md5').update(plain).digest('hex');
    const put = await swift('/vault/secret.txt', { method: 'PUT', body: plain, headers: { etag: md5 } });
    expect(put.status).toBe(201);
    expect(put.headers.get('etag')).toBe(md5);

    const [raw] = await stored();
    const bytes = Buffer.from(await (await storage.getStream({ key: raw!.key })).body.toArray().then(Buffer.concat));
    expect(bytes.includes(Buffer.from('TOP SECRET'))).toBe(false);
    expect(bytes.length).toBe(plain.length + 16 * Math.ceil(plain.length / 65536));

    const got = await swift('/vault/secret.txt');
    expect(got.status).toBe(200);
    expect(got.headers.get('etag')).toBe(md5);
    expect(Buffer.from(await got.arrayBuffer())).toEqual(plain);
    const head = await swift('/vault/secret.txt', { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe(String(plain.length));
    for (const [start, end] of [
      [0, 9],
      [65530, 65545],
      [131000, plain.length - 1],
      [70000, 70000],
    ]) {
      const ranged = await swift('/vault/secret.txt', { headers: { range: `bytes=${start}-${end}` } });
      expect(ranged.status).toBe(206);
      expect(Buffer.from(await ranged.arrayBuffer())).toEqual(plain.subarray(start, end + 1));
    }
    expect((await swift('/vault/secret.txt', { headers: { 'if-none-match': md5 } })).status).toBe(304);
    expect(
      await (await fetch(`${suite.gatewayUrl}/v1_ext/bucket/vault`, { headers: { 'x-auth-token': token() } })).json(),
    ).toMatchObject({
      bytes: plain.length,
      objectCount: 1,
      use_encryption: true,
    });
    // A copy keeps the ciphertext and its wrapped key.
    expect(
      (
        await swift('/vault/copy.txt', {
          method: 'PUT',
          headers: { 'x-copy-from': 'vault/secret.txt', 'content-length': '0' },
        })
      ).status,
    ).toBe(201);
    expect(Buffer.from(await (await swift('/vault/copy.txt')).arrayBuffer())).toEqual(plain);
  });

  it('a flipped byte in the store makes the read fail, never return garbage', async () => {
    const before = new Set((await stored()).map((o) => o.key));
    await swift('/vault/tamper.bin', { method: 'PUT', body: plain });
    const fresh = (await stored()).filter((o) => !before.has(o.key));
    expect(fresh).toHaveLength(1);
    const target = fresh[0]!;
    const bytes = Buffer.concat(await (await storage.getStream({ key: target.key })).body.toArray());
    bytes[100] ^= 0xff;
    await storage.put({ key: target.key, body: bytes, contentType: 'application/octet-stream' });
    /** Refused before a byte is sent (503, the integrity failure named), or cut off mid-body: never the bytes. */
    const failsToRead = async (res: Response) => {
      if (res.status === 200 || res.status === 206) return void (await expect(res.arrayBuffer()).rejects.toThrow());
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({
        error: { code: 'DependencyUnavailable', message: 'The stored object failed its integrity check' },
      });
    };
    await failsToRead(await swift('/vault/tamper.bin'));
    // A range in an untouched chunk still reads; one in the flipped chunk fails.
    const later = await swift('/vault/tamper.bin', { headers: { range: 'bytes=70000-70010' } });
    expect(Buffer.from(await later.arrayBuffer())).toEqual(plain.subarray(70000, 70011));
    await failsToRead(await swift('/vault/tamper.bin', { headers: { range: 'bytes=0-10' } }));
  });

  it('keys rotate: objects of the old key stay readable, new ones use the new key', async () => {
    await suite.platform.stopApp('gateway');
    await suite.platform.startApp('gateway', {
      BUCKET_ENCRYPTION_KEYS: `k2:${K2},k1:${K1}`,
      BUCKET_ENCRYPTION_KEY_ID: 'k2',
    });
    expect(Buffer.from(await (await swift('/vault/secret.txt')).arrayBuffer())).toEqual(plain);
    expect((await swift('/vault/new.txt', { method: 'PUT', body: 'under k2' })).status).toBe(201);
    expect(await (await swift('/vault/new.txt')).text()).toBe('under k2');
    await suite.platform.stopApp('gateway');
    await suite.platform.startApp('gateway', { BUCKET_ENCRYPTION_KEYS: `k2:${K2}` });
    expect((await swift('/vault/new.txt')).status).toBe(200);
    // The object under the retired k1 is not readable without its key, and says so (503, not garbage).
    expect((await swift('/vault/secret.txt')).status).toBe(503);
  });
});
