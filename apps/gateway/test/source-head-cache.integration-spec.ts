import { ensureEventStream, wireNames } from '@mp/platform';
import { ObjectStorage, storageConfigOf } from '@mp/storage';
import { createTestInfra, NatsServerProcess, sleep, strictMock, TestInfra, waitFor } from '@mp/testing';
import { connect } from 'nats';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../src/app.config';
import { SourceHeadCache } from '../src/media-api/source-head.cache';

/** The source-head cache of `GET /files/{path}` against the embedded S3 and its object events on the real NATS. */
describe('SourceHeadCache (embedded S3 events over NATS)', () => {
  let infra: TestInfra;
  let storage: ObjectStorage;
  let config: GatewayConfig;
  const logger = strictMock<Logger>({});

  beforeAll(async () => {
    infra = await createTestInfra({ s3: true });
    await ensureEventStream(infra.nc, wireNames(infra.namespace));
    const env = infra.env;
    config = {
      NAMESPACE: infra.namespace,
      S3_BUCKET: env.S3_BUCKET!,
      MEDIA_SOURCE_HEAD_CACHE_MS: 60_000,
    } as GatewayConfig;
    storage = new ObjectStorage(
      storageConfigOf({
        S3_ENDPOINT: env.S3_ENDPOINT!,
        S3_REGION: 'us-east-1',
        S3_ACCESS_KEY_ID: env.S3_ACCESS_KEY_ID!,
        S3_SECRET_ACCESS_KEY: env.S3_SECRET_ACCESS_KEY!,
        S3_BUCKET: env.S3_BUCKET!,
        S3_FORCE_PATH_STYLE: true,
      }),
    );
  });
  afterAll(async () => {
    storage?.destroy();
    await infra?.dispose();
  });

  const put = (key: string, text: string) =>
    storage.put({ key, body: Buffer.from(text), contentType: 'image/png', contentLength: Buffer.byteLength(text) });
  const started = (ttlMs = config.MEDIA_SOURCE_HEAD_CACHE_MS) => {
    const cache = new SourceHeadCache(
      storage,
      infra.nc,
      wireNames(infra.namespace),
      { ...config, MEDIA_SOURCE_HEAD_CACHE_MS: ttlMs },
      logger,
    );
    cache.onModuleInit();
    return cache;
  };

  it('HEADs a source once; a replace or a delete in the store is seen through its event, long before the lifetime', async () => {
    const cache = started();
    const head = jest.spyOn(storage, 'head');
    try {
      await put('temp/a.png', 'one');
      const first = await cache.head('temp/a.png');
      expect(await cache.head('temp/a.png')).toEqual(first);
      expect(head).toHaveBeenCalledTimes(1);

      await put('temp/a.png', 'two, longer');
      await waitFor(async () => (await cache.head('temp/a.png'))?.size === 11, { what: 'the replaced source' });
      await storage.delete('temp/a.png');
      await waitFor(async () => (await cache.head('temp/a.png')) === null, { what: 'the deleted source' });
    } finally {
      head.mockRestore();
      cache.onModuleDestroy();
    }
  });

  it('never remembers a missing source, and forgets any source after its lifetime', async () => {
    const cache = started();
    expect(await cache.head('temp/late.png')).toBeNull();
    await put('temp/late.png', 'here now');
    expect((await cache.head('temp/late.png'))?.size).toBe(8);
    cache.onModuleDestroy();

    // Not subscribed: only the lifetime ends an entry.
    const deaf = new SourceHeadCache(
      storage,
      infra.nc,
      wireNames(infra.namespace),
      { ...config, MEDIA_SOURCE_HEAD_CACHE_MS: 300 },
      logger,
    );
    await put('temp/b.png', 'one');
    expect((await deaf.head('temp/b.png'))?.size).toBe(3);
    await put('temp/b.png', 'three');
    expect((await deaf.head('temp/b.png'))?.size).toBe(3);
    await sleep(400);
    expect((await deaf.head('temp/b.png'))?.size).toBe(5);
  });

  it('with a lifetime of 0, every call HEADs the store', async () => {
    const cache = started(0);
    const head = jest.spyOn(storage, 'head');
    try {
      await put('temp/c.png', 'c');
      await cache.head('temp/c.png');
      await cache.head('temp/c.png');
      expect(head).toHaveBeenCalledTimes(2);
    } finally {
      head.mockRestore();
      cache.onModuleDestroy();
    }
  });

  it('forgets every source when its NATS connection drops (events may be missed meanwhile)', async () => {
    const nats = await NatsServerProcess.start();
    const nc = await connect({ servers: nats.url, maxReconnectAttempts: -1, reconnectTimeWait: 100 });
    const cache = new SourceHeadCache(storage, nc, wireNames(infra.namespace), config, logger);
    cache.onModuleInit();
    const head = jest.spyOn(storage, 'head');
    try {
      await put('temp/d.png', 'd');
      await cache.head('temp/d.png');
      await cache.head('temp/d.png');
      expect(head).toHaveBeenCalledTimes(1);
      await nats.pause();
      await waitFor(
        async () => {
          await cache.head('temp/d.png');
          return head.mock.calls.length > 1;
        },
        { what: 'the cache to be cleared on disconnect' },
      );
    } finally {
      head.mockRestore();
      cache.onModuleDestroy();
      await nc.close().catch(() => undefined);
      await nats.stop();
    }
  });

  it('keeps forgetting after a malformed message on the event subjects', async () => {
    const warnings: string[] = [];
    const noisy = strictMock<Logger>({
      warn: ((_: unknown, message: string) => void warnings.push(message)) as unknown as Logger['warn'],
    });
    const cache = new SourceHeadCache(storage, infra.nc, wireNames(infra.namespace), config, noisy);
    cache.onModuleInit();
    try {
      await put('temp/e.png', 'e');
      expect((await cache.head('temp/e.png'))?.size).toBe(1);
      infra.nc.publish(
        wireNames(infra.namespace).event('storage.object.created'),
        new TextEncoder().encode('not json'),
      );
      await waitFor(() => warnings.length > 0, { what: 'the malformed message to be ignored' });
      await put('temp/e.png', 'e, replaced');
      await waitFor(async () => (await cache.head('temp/e.png'))?.size === 11, { what: 'the replaced source' });
    } finally {
      cache.onModuleDestroy();
    }
  });
});
