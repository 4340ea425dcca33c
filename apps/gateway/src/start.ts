import { LOGGER, ServiceRunOptions, startService } from '@mp/platform';
import { NotFoundException } from '@nestjs/common';
import type { Logger } from 'pino';
import { GatewayConfig } from './app.config';
import { GatewayAppModule } from './app.module';
import { sendError } from './errors/dialect-exception.filter';

export function startGateway(config: GatewayConfig, options: ServiceRunOptions = {}) {
  return startService({
    module: GatewayAppModule.register(config),
    config,
    port: options.port ?? config.PORT,
    handleSignals: options.handleSignals,
    configure: (app) => {
      const logger = app.get<Logger>(LOGGER);
      const fastify = app.getHttpAdapter().getInstance();
      // Errors raised before a route runs (body parsing, unknown routes) get the dialect's shape too.
      fastify.setErrorHandler((error, request, reply) => sendError(reply, request.url, error, logger));
      fastify.setNotFoundHandler((request, reply) => sendError(reply, request.url, new NotFoundException(), logger));
    },
  });
}
