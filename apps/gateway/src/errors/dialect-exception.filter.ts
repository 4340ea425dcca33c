import { ArgumentsHost, Catch, ExceptionFilter, Inject } from '@nestjs/common';
import { LOGGER } from '@mp/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { DialectDefinition, DialectRouteConfig } from '../dialects/dialect-definition';
import { dialectById, dialectOfUnroutedPath } from '../dialects/dialect-registry';
import { plainStatusOf, renderPlainError } from '../dialects/plain-errors';
import { toDomainError } from './to-domain-error';

/** What answers errors of requests that belong to no dialect (e.g. `/docs`, `/health`). */
const NO_DIALECT = { renderError: renderPlainError, statusOf: plainStatusOf } as const;

/**
 * Every error of every route, rendered in the dialect of the route that matched; requests that
 * matched none (404) take the dialect whose paths they fall under.
 */
@Catch()
export class DialectExceptionFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const { error, unexpected } = toDomainError(exception);
    const path = request.url.split('?')[0];
    if (unexpected) this.logger.error({ err: exception, url: path }, 'Unexpected error while serving a request');
    const dialect = dialectOfRequest(request, path) ?? NO_DIALECT;
    void http
      .getResponse<FastifyReply>()
      .status(dialect.statusOf(error))
      .type('application/json')
      .send(dialect.renderError(error));
  }
}

function dialectOfRequest(request: FastifyRequest, path: string): DialectDefinition | undefined {
  const routed = (request.routeOptions?.config as Partial<DialectRouteConfig> | undefined)?.dialect;
  return (routed ? dialectById(routed) : undefined) ?? dialectOfUnroutedPath(path);
}
