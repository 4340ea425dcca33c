import { DomainError } from '@mp/contracts';
import type { FastifyRequest } from 'fastify';

/**
 * FastAPI routes of the seed end in `/` (`/api/v1/products/bulk-upload/`) and Nest strips trailing
 * slashes from route paths, so the collection routes are also declared as `*`; anything but the
 * bare trailing slash under that wildcard is an unknown route.
 */
export function onlyTrailingSlash(request: FastifyRequest): void {
  const rest = (request.params as Record<string, string | undefined>)['*'];
  if (rest) throw new DomainError('NoSuchRoute', 'No such route');
}
