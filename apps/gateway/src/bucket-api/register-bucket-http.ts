import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { registerBucketBodyHandling } from './swift-request-body';
import { registerSwiftResponseHeaders } from './swift-response-headers';

/** The Fastify hooks of the bucket dialect: raw Swift bodies, lenient JSON, Swift's response headers. */
export function registerBucketHttp(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  registerBucketBodyHandling(fastify);
  registerSwiftResponseHeaders(fastify);
}
