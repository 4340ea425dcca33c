import { DomainError } from '@mp/contracts';

/** Fastify's default `maxParamLength`: a longer path segment makes a parametric route not match (414). */
const MAX_PARAM_LENGTH = 100;

/**
 * Thrown by a route whose pattern matched a request that is not its own (`/v1/{account}/*` seeing
 * `/v1/files/nope`): answered as if no route had matched — in the dialect the path falls under,
 * 404, or 414 when a segment is longer than a path parameter may be (what another dialect's
 * parametric route would have answered before this one caught the request).
 */
export class DeclinedByRoute extends Error {
  readonly failure: unknown;

  constructor(method: string, url: string) {
    super('Declined by the matched route');
    const path = url.split('?')[0] ?? '';
    this.failure = path.split('/').some((segment) => segment.length > MAX_PARAM_LENGTH)
      ? { code: 'FST_ERR_MAX_PARAM_LENGTH', statusCode: 414, message: 'A segment of the URL path is too long' }
      : new DomainError('NoSuchRoute', `No route ${method} ${path}`);
  }
}
