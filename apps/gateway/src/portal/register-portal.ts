import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { storageConfigOf } from '@mp/storage';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { resolve } from 'node:path';
import type { GatewayConfig } from '../app.config';
import { portalCacheControl } from './portal-cache-policy';
import { listPortalFiles } from './portal-files';
import { PORTAL_NOT_BUILT_PAGE, PORTAL_NOT_FOUND_PAGE } from './portal-pages';
import { resolvePortalTarget } from './portal-route';
import { portalSecurityHeaders, storageImageOrigin } from './portal-security-headers';

/** `apps/gateway/dist/portal` → `apps/portal/dist`. */
const DEFAULT_PORTAL_DIR = resolve(__dirname, '..', '..', '..', 'portal', 'dist');

/**
 * The customer portal (seed 002) as static files at `/portal`: only the files of the build are
 * served (no path reaches outside it), with strict headers on every answer. These routes belong
 * to no dialect: whatever happens under `/portal` is a page, never an API error body.
 */
export async function registerPortal(app: NestFastifyApplication, config: GatewayConfig): Promise<void> {
  const root = config.PORTAL_DIR ?? DEFAULT_PORTAL_DIR;
  const files = listPortalFiles(root);
  const headers = portalSecurityHeaders(storageImageOrigin(storageConfigOf(config)));
  if (files.size > 0) await app.register(fastifyStatic, { root, serve: false });

  const page = (reply: FastifyReply, status: number, html: string) =>
    reply.status(status).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);

  const handler = (request: FastifyRequest, reply: FastifyReply) => {
    reply.headers(headers);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return page(reply.header('allow', 'GET, HEAD'), 405, PORTAL_NOT_FOUND_PAGE);
    }
    if (files.size === 0) return page(reply, 404, PORTAL_NOT_BUILT_PAGE);
    const target = resolvePortalTarget(request.url, files);
    switch (target.kind) {
      case 'redirect':
        return reply.redirect(target.location, 301);
      case 'missing':
        return page(reply, 404, PORTAL_NOT_FOUND_PAGE);
      case 'index':
        return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
      case 'file':
        return reply
          .header('cache-control', portalCacheControl(target.path))
          .sendFile(target.path, { cacheControl: false });
    }
  };
  const fastify = app.getHttpAdapter().getInstance();
  const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
  fastify.route({ method: [...methods], url: '/portal', handler });
  fastify.route({ method: [...methods], url: '/portal/*', handler });
}
