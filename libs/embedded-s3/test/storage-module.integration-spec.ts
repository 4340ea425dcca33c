import 'reflect-metadata';
import { Global, Injectable, Module, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { HealthRegistry } from '@mp/platform';
import { ObjectStorage, S3Settings, StorageModule, StorageModuleOptions } from '@mp/storage';
import { randomBytes } from 'node:crypto';
import { EmbeddedS3Server } from '../src';
import { startTemporaryS3, TemporaryS3 } from './support/temporary-s3';

/** StorageModule.forRoot as an app uses it, against a real S3 (here: because storage cannot depend on this lib). */

const ACCESS_KEY_ID = 'STORAGEMODULEKEY';
const SECRET_ACCESS_KEY = 'storage-module-spec-secret-0123';

@Global()
@Module({ providers: [HealthRegistry], exports: [HealthRegistry] })
class HealthModule {}

/** A feature elsewhere in the app: gets the store without importing StorageModule itself. */
@Injectable()
class Uploader {
  constructor(readonly storage: ObjectStorage) {}
}
@Module({ providers: [Uploader] })
class FeatureModule {}

let s3: TemporaryS3;
let server: EmbeddedS3Server;
const contexts: INestApplicationContext[] = [];

beforeAll(async () => {
  s3 = await startTemporaryS3('mp-storage-module-spec-', {
    accessKeyId: ACCESS_KEY_ID,
    secretAccessKey: SECRET_ACCESS_KEY,
    buckets: [],
  });
  ({ server } = s3);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await s3?.stop();
});

function settings(bucket: string, endpoint = server.endpoint): S3Settings {
  return {
    S3_ENDPOINT: endpoint,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: ACCESS_KEY_ID,
    S3_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
    S3_BUCKET: bucket,
    S3_FORCE_PATH_STYLE: true,
  };
}

async function boot(options: StorageModuleOptions): Promise<INestApplicationContext> {
  @Module({ imports: [HealthModule, StorageModule.forRoot(options), FeatureModule] })
  class AppModule {}
  const context = await NestFactory.createApplicationContext(AppModule, { logger: false });
  contexts.push(context);
  return context;
}

const bucketName = () => `module-${randomBytes(4).toString('hex')}`;

describe('StorageModule.forRoot', () => {
  it('gives every module the one store, with the bucket created and its reachability in readiness', async () => {
    const bucket = bucketName();
    const app = await boot({ settings: settings(bucket), ensureBucket: true, readinessCheck: true });

    const storage = app.get(ObjectStorage);
    expect(app.get(Uploader).storage).toBe(storage);
    expect(storage.bucket).toBe(bucket);
    await storage.put({ key: 'hello.txt', body: Buffer.from('hi'), contentType: 'text/plain' });
    expect((await storage.head('hello.txt'))?.size).toBe(2);
    const report = await app.get(HealthRegistry).readiness();
    expect(report.checks['object-storage']).toMatchObject({ ok: true });
  });

  it('by default neither creates the bucket nor makes readiness depend on the store', async () => {
    const bucket = bucketName();
    const app = await boot({ settings: settings(bucket) });

    await expect(app.get(ObjectStorage).ping()).rejects.toMatchObject({ code: 'DependencyUnavailable' });
    const report = await app.get(HealthRegistry).readiness();
    expect(report.checks).not.toHaveProperty('object-storage');
  });

  it('reports an unreachable store as not ready', async () => {
    const spare = await s3.startSibling('spare', { buckets: [] });
    const app = await boot({
      settings: settings(bucketName(), spare.endpoint),
      ensureBucket: true,
      readinessCheck: true,
    });
    await spare.stop();

    const report = await app.get(HealthRegistry).readiness();
    expect(report.ready).toBe(false);
    expect(report.checks['object-storage']).toMatchObject({ ok: false });
  });
});
