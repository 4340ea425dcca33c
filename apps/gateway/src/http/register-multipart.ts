import multipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Streams multipart/form-data bodies to the routes that read them (`request.parts()`), never
 * buffering a file. Limits are set per route; registering twice is a no-op.
 */
export async function registerMultipart(app: NestFastifyApplication): Promise<void> {
  if (app.getHttpAdapter().getInstance().hasContentTypeParser('multipart/form-data')) return;
  await app.register(multipart, { throwFileSizeLimit: true });
}
