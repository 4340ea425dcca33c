import { ArgumentsHost, Catch, ExceptionFilter, Inject } from '@nestjs/common';
import { LOGGER } from '@mp/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { rendererForPath, statusForPath } from './error-renderers';
import { toDomainError } from './to-domain-error';

/** Every error of every route, rendered in the dialect of the path it was raised on. */
@Catch()
export class DialectExceptionFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    void sendError(http.getResponse<FastifyReply>(), request.url, exception, this.logger);
  }
}

export async function sendError(reply: FastifyReply, url: string, exception: unknown, logger: Logger): Promise<void> {
  const { error, unexpected } = toDomainError(exception);
  if (unexpected) logger.error({ err: exception, url: url.split('?')[0] }, 'Unexpected error while serving a request');
  const path = url.split('?')[0];
  await reply
    .status(statusForPath(path, error.code, error))
    .type('application/json')
    .send(rendererForPath(path)(error));
}
