import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { DialectRouteConfig } from '../dialects/dialect-definition';
import { BUCKET_DIALECT } from './bucket.dialect';

/** Swift's `X-Timestamp`: seconds since the epoch with five decimals. */
export const swiftTimestamp = (date: Date) => (date.getTime() / 1000).toFixed(5);

/**
 * Every answer of the bucket dialect carries Swift's request id (`X-Trans-Id`, the same value as
 * `X-Openstack-Request-Id`), `X-Timestamp` (the request's, unless the handler names the
 * resource's) and `Accept-Ranges: bytes`, errors included.
 */
export function registerSwiftResponseHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const dialect = (request.routeOptions.config as Partial<DialectRouteConfig> | undefined)?.dialect;
    if (dialect !== BUCKET_DIALECT.id) return;
    const id = randomUUID();
    void reply.headers({
      'x-trans-id': id,
      'x-openstack-request-id': id,
      'x-timestamp': swiftTimestamp(new Date()),
      'accept-ranges': 'bytes',
    });
  });
}
