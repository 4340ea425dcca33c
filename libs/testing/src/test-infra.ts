import { EmbeddedS3Server } from '@mp/embedded-s3';
import { dropDatabase, ensureDatabase, wireNames } from '@mp/platform';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { connect, NatsConnection } from 'nats';
import { storageEventForwarder } from './storage-event-forwarder';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
const S3_KEY = 'TESTACCESSKEY';
const S3_SECRET = 'test-secret-key-0123456789';

export interface TestInfra {
  namespace: string;
  databaseUrl: string;
  /** Environment for every app under test: its own database, namespace and bucket. */
  env: Record<string, string>;
  s3?: EmbeddedS3Server;
  nc: NatsConnection;
  dispose(): Promise<void>;
}

/**
 * Isolates one test file on the real infrastructure: a fresh database, a NATS/Redis namespace,
 * and (optionally) an embedded S3 server whose object events reach JetStream like MinIO's would.
 */
export async function createTestInfra(
  options: { s3?: boolean; natsUrl?: string; redisUrl?: string } = {},
): Promise<TestInfra> {
  const namespace = `t${randomBytes(5).toString('hex')}`;
  const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbUrl = new URL(base);
  dbUrl.pathname = `/${namespace}`;
  const databaseUrl = dbUrl.toString();
  await ensureDatabase(databaseUrl);
  const natsUrl = options.natsUrl ?? process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const nc = await connect({ servers: natsUrl, maxReconnectAttempts: -1, reconnectTimeWait: 250 });
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    DATABASE_URL: databaseUrl,
    DB_POOL_SIZE: '5',
    REDIS_URL: redisUrl,
    NATS_URL: natsUrl,
    NAMESPACE: namespace,
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: '0',
    PORT: '0',
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    KEY_CACHE_TTL_MS: '500',
    SHUTDOWN_TIMEOUT_MS: '10000',
  };
  let s3: EmbeddedS3Server | undefined;
  let s3Dir: string | undefined;
  if (options.s3) {
    s3Dir = await mkdtemp(join(tmpdir(), `${namespace}-s3-`));
    const bucket = `${namespace}-media`;
    s3 = await EmbeddedS3Server.start({
      port: 0,
      directory: s3Dir,
      accessKeyId: S3_KEY,
      secretAccessKey: S3_SECRET,
      buckets: [bucket],
      onEvent: storageEventForwarder(nc, namespace),
    });
    Object.assign(env, {
      S3_ENDPOINT: s3.endpoint,
      S3_PUBLIC_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY_ID: S3_KEY,
      S3_SECRET_ACCESS_KEY: S3_SECRET,
      S3_BUCKET: bucket,
      S3_FORCE_PATH_STYLE: 'true',
    });
  }
  return {
    namespace,
    databaseUrl,
    env,
    s3,
    nc,
    async dispose() {
      await s3?.stop().catch(() => undefined);
      if (s3Dir) await rm(s3Dir, { recursive: true, force: true });
      const names = wireNames(namespace);
      const jsm = await nc.jetstreamManager().catch(() => undefined);
      await jsm?.streams.delete(names.eventStream).catch(() => undefined);
      await nc.drain().catch(() => undefined);
      await deleteRedisNamespace(redisUrl, namespace);
      await dropDatabase(databaseUrl);
    },
  };
}

async function deleteRedisNamespace(url: string, namespace: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${namespace}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
