import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ObjectStorage } from '@mp/storage';
import { EmbeddedS3Server, EmbeddedS3ServerOptions } from '../../src';

export interface TemporaryS3 {
  server: EmbeddedS3Server;
  directory: string;
  /** A client of the server's first bucket, with the server's own credentials. */
  storage: ObjectStorage;
  /**
   * Another server with the same credentials, storing under `<directory>/<name>`: a store the test
   * stops itself (to make it unreachable) or gives its own event callbacks.
   */
  startSibling(
    name: string,
    options: Pick<EmbeddedS3ServerOptions, 'buckets' | 'onEvent' | 'onEventError'>,
  ): Promise<EmbeddedS3Server>;
  /** Stops the client and the server and removes the directory. */
  stop(): Promise<void>;
}

/** An embedded S3 server on a free port, storing its objects in a fresh temporary directory. */
export async function startTemporaryS3(
  prefix: string,
  options: Omit<EmbeddedS3ServerOptions, 'port' | 'directory'>,
): Promise<TemporaryS3> {
  const directory = await mkdtemp(join(tmpdir(), prefix));
  let server: EmbeddedS3Server;
  try {
    server = await EmbeddedS3Server.start({ port: 0, directory, ...options });
  } catch (err) {
    await rm(directory, { recursive: true, force: true });
    throw err;
  }
  const storage = new ObjectStorage({
    endpoint: server.endpoint,
    publicEndpoint: server.endpoint,
    region: 'us-east-1',
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    bucket: options.buckets[0],
    forcePathStyle: true,
  });
  return {
    server,
    directory,
    storage,
    startSibling: (name, sibling) =>
      EmbeddedS3Server.start({
        port: 0,
        directory: join(directory, name),
        accessKeyId: options.accessKeyId,
        secretAccessKey: options.secretAccessKey,
        ...sibling,
      }),
    stop: async () => {
      storage.destroy();
      await server.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** A temporary store with fresh credentials and bucket, started before and stopped after the calling file's tests. */
export function temporaryS3Suite(prefix: string): () => TemporaryS3 {
  let s3: TemporaryS3 | undefined;
  beforeAll(async () => {
    const id = randomBytes(4).toString('hex');
    s3 = await startTemporaryS3(prefix, {
      accessKeyId: `SPEC${id.toUpperCase()}`,
      secretAccessKey: `spec-secret-${id}-0123456789abcdef`,
      buckets: [`spec-${id}`],
    });
  });
  afterAll(async () => {
    await s3?.stop();
  });
  return () => {
    if (!s3) throw new Error('the temporary store is not running: use it inside tests and hooks');
    return s3;
  };
}
