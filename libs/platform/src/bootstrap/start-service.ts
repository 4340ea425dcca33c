import { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { BaseConfig } from '../config';
import { PinoNestLogger } from '../logging';
import { MetricsService } from '../metrics';
import { LOGGER } from '../tokens';
import { registerBodyParsers } from './body-parsers';

export interface StartServiceOptions {
  module: DynamicModule;
  config: BaseConfig;
  port: number;
  /** Install SIGTERM/SIGINT handlers (true for real processes, false when tests host several apps). */
  handleSignals?: boolean;
  bodyLimitBytes?: number;
  /** Called with the Fastify app before routes are registered (content parsers, plugins). */
  configure?: (app: NestFastifyApplication) => Promise<void> | void;
}

/** Boots a Nest app on Fastify with pino logging, HTTP metrics and graceful shutdown. */
export async function startService(options: StartServiceOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimitBytes ?? 1024 * 1024,
    trustProxy: true,
    logger: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(options.module, adapter, {
    bufferLogs: true,
    abortOnError: false,
    bodyParser: false,
  });
  const logger = app.get<Logger>(LOGGER);
  app.useLogger(new PinoNestLogger(logger));
  recordHttpMetrics(app);
  registerBodyParsers(app.getHttpAdapter().getInstance());
  await options.configure?.(app);
  if (options.handleSignals !== false) installSignalHandlers(app, logger, options.config.SHUTDOWN_TIMEOUT_MS);
  try {
    await app.listen(options.port, options.config.HTTP_HOST);
  } catch (err) {
    // Connections opened by the modules that did initialise must not keep the process alive.
    await app
      .close()
      .catch((closeErr: unknown) => logger.warn({ err: closeErr }, 'Cleanup after a failed start failed'));
    throw err;
  }
  const address = app.getHttpServer().address();
  logger.info({ port: typeof address === 'object' ? address?.port : address }, 'Service started');
  return app;
}

function recordHttpMetrics(app: NestFastifyApplication): void {
  const metrics = app.get(MetricsService);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    metrics.httpDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
}

function installSignalHandlers(app: NestFastifyApplication, logger: Logger, timeoutMs: number): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Stopping');
    setTimeout(() => {
      logger.error({ timeoutMs }, 'Graceful shutdown timed out; exiting');
      process.exit(1);
    }, timeoutMs).unref();
    app
      .close()
      .then(() => process.exit(0))
      .catch((err) => {
        logger.error({ err }, 'Shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

/** How a caller (main.ts or a test) runs an app: tests pass port 0 and no signal handlers. */
export interface ServiceRunOptions {
  port?: number;
  handleSignals?: boolean;
}
