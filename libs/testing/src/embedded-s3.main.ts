import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { EmbeddedS3Server } from '@mp/embedded-s3';
import { connectNats, createLogger, ensureEventStream, wireNames } from '@mp/platform';
import { NatsConnection } from 'nats';
import { storageEventForwarder } from './storage-event-forwarder';
import { stopOnSignals } from '@mp/platform';

/**
 * The embedded S3 server as a process of its own (`node libs/testing/dist/embedded-s3.main.js`,
 * started by `pnpm start`): objects stored under S3_DATA_DIR, and every object event published to
 * the namespace's JetStream stream the way a MinIO NATS target would feed the files service.
 */

const NAMESPACE_PATTERN = /^[a-z][a-z0-9_]{0,30}$/;
const STOP_TIMEOUT_MS = 10_000;

interface EmbeddedS3Settings {
  host: string;
  port: number;
  directory: string;
  accessKeyId: string;
  secretAccessKey: string;
  buckets: string[];
  natsUrl: string;
  namespace: string;
  logLevel: string;
}

function readSettings(env: NodeJS.ProcessEnv): EmbeddedS3Settings {
  const problems: string[] = [];
  const port = Number(env.S3_PORT ?? '9000');
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push('S3_PORT must be a port number (0-65535)');
  const namespace = env.NAMESPACE ?? 'mp';
  if (!NAMESPACE_PATTERN.test(namespace))
    problems.push('NAMESPACE must be lowercase letters, digits or _ (max 31), starting with a letter');
  const buckets = (env.S3_BUCKET ?? 'media')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (!buckets.length || buckets.some((b) => b.length < 3))
    problems.push('S3_BUCKET must be a bucket name of at least 3 characters');
  // Same defaults as the apps' storage settings, so the apps' defaults work against it unchanged.
  const accessKeyId = env.S3_ACCESS_KEY_ID || 'S3RVER';
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY || 'S3RVER';
  if (problems.length) throw new Error(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return {
    host: env.S3_HOST || '127.0.0.1',
    port,
    directory: resolve(env.S3_DATA_DIR || '.data/s3'),
    accessKeyId,
    secretAccessKey,
    buckets,
    natsUrl: env.NATS_URL || 'nats://127.0.0.1:4222',
    namespace,
    logLevel: env.LOG_LEVEL || 'info',
  };
}

async function main(): Promise<void> {
  const settings = readSettings(process.env);
  const logger = createLogger({ app: 'embedded-s3', level: settings.logLevel });
  const nc: NatsConnection = await connectNats({ url: settings.natsUrl, name: 'embedded-s3' });
  // The forwarder publishes into the namespace's event stream: it has to exist before the first upload.
  await ensureEventStream(nc, wireNames(settings.namespace));
  mkdirSync(settings.directory, { recursive: true });
  const forward = storageEventForwarder(nc, settings.namespace, (err, record) =>
    logger.warn(
      { err, event: record.eventName, bucket: record.s3.bucket.name, object: record.s3.object.key },
      'Object event not published',
    ),
  );
  const server = await EmbeddedS3Server.start({
    host: settings.host,
    port: settings.port,
    directory: settings.directory,
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    buckets: settings.buckets,
    onEvent: (record) => {
      logger.debug(
        { event: record.eventName, bucket: record.s3.bucket.name, object: record.s3.object.key },
        'Object event',
      );
      return forward(record);
    },
  });
  logger.info(
    {
      endpoint: server.endpoint,
      buckets: settings.buckets,
      directory: settings.directory,
      namespace: settings.namespace,
    },
    'Embedded S3 started',
  );

  stopOnSignals(logger, STOP_TIMEOUT_MS, () => server.stop().then(() => nc.drain()));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
