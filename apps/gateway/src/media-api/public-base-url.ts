import type { FastifyRequest } from 'fastify';

/** Where clients reach this gateway: PUBLIC_BASE_URL, else the scheme and Host of the request. */
export function publicBaseUrl(config: { PUBLIC_BASE_URL?: string }, request: FastifyRequest): string {
  const base = config.PUBLIC_BASE_URL ?? `${request.protocol}://${request.headers.host ?? 'localhost'}`;
  return base.replace(/\/+$/, '');
}

/** The `/files/{path}` URL of an object key (each segment percent-encoded). */
export function fileServingUrl(base: string, objectKey: string): string {
  return `${base}/files/${objectKey.split('/').map(encodeURIComponent).join('/')}`;
}
