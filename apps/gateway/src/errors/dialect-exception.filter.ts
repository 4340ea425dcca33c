import { ArgumentsHost, Catch, ExceptionFilter, Inject } from '@nestjs/common';
import { LOGGER } from '@mp/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { DialectRouteConfig } from '../dialects/dialect-definition';
import { answerInDialect, errorDialectOf } from './dialect-answer';
import { DeclinedByRoute } from './declined-route';
import { toDomainError } from './to-domain-error';

/**
 * Every error of every route, rendered in the dialect of the route that matched; requests that
 * matched none (404), or that the matched route declined, take the dialect whose paths they fall under.
 */
@Catch()
export class DialectExceptionFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const declined = exception instanceof DeclinedByRoute;
    const { error, unexpected, frameworkStatus } = toDomainError(declined ? exception.failure : exception);
    const path = request.url.split('?')[0];
    if (unexpected) this.logger.error({ err: exception, url: path }, 'Unexpected error while serving a request');
    // A route that declines a request (`/v1/{account}` seeing `/v1/files/nope`) answers as if none matched.
    const routed = declined
      ? undefined
      : (request.routeOptions?.config as Partial<DialectRouteConfig> | undefined)?.dialect;
    const answer = answerInDialect(errorDialectOf(path, routed), error, frameworkStatus);
    void http.getResponse<FastifyReply>().status(answer.status).type(answer.contentType).send(answer.body);
  }
}
