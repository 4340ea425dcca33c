import { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyServerOptions } from 'fastify';
import type { Logger } from 'pino';
import { BaseConfig } from '../config';
import { PinoNestLogger } from '../logging';
import { MetricsService } from '../metrics';
import { LOGGER } from '../tokens';
import { registerBodyParsers } from './body-parsers';
import { stopOnSignals } from './stop-on-signals';

export interface StartServiceOptions {
  module: DynamicModule;
  config: BaseConfig;
  port: number;
  /** Install SIGTERM/SIGINT handlers (true for real processes, false when tests host several apps). */
  handleSignals?: boolean;
  bodyLimitBytes?: number;
  /** Called with the Fastify app before routes are registered (content parsers, plugins). */
  configure?: (app: NestFastifyApplication) => Promise<void> | void;
  /** Fastify options of the app (e.g. `frameworkErrors`, `clientErrorHandler`); body limit, proxies and logger are set here. */
  fastify?: Omit<FastifyServerOptions, 'bodyLimit' | 'trustProxy' | 'logger'>;
}

/** Boots a Nest app on Fastify with pino logging, HTTP metrics and graceful shutdown. */
export async function startService(options: StartServiceOptions): Promise<NestFastifyApplication> {
  const trusted = options.config.TRUSTED_PROXIES;
  const adapter = new FastifyAdapter({
    ...options.fastify,
    bodyLimit: options.bodyLimitBytes ?? 1024 * 1024,
    // `request.ip` is the socket's peer unless that peer is a trusted proxy (then X-Forwarded-For counts).
    trustProxy: trusted.length > 0 ? trusted : false,
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
  if (options.handleSignals !== false) stopOnSignals(logger, options.config.SHUTDOWN_TIMEOUT_MS, () => app.close());
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

/** How a caller (main.ts or a test) runs an app: tests pass port 0 and no signal handlers. */
export interface ServiceRunOptions {
  port?: number;
  handleSignals?: boolean;
}

/** Starts an app's module the way `run` asks, on `defaultPort` unless `run` names a port. */
export function runService(
  module: DynamicModule,
  config: BaseConfig,
  defaultPort: number,
  run: ServiceRunOptions,
  extra: Pick<StartServiceOptions, 'configure' | 'fastify'> = {},
): Promise<NestFastifyApplication> {
  return startService({ module, config, port: run.port ?? defaultPort, handleSignals: run.handleSignals, ...extra });
}
