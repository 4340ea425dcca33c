import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { BaseConfig } from '../config';
import { APP_CONFIG, LOGGER } from '../tokens';
import { MetricsService } from './metrics.service';

/** The port of the internal metrics listener; `undefined` = the app's metrics are not served. */
export const METRICS_PORT = Symbol('METRICS_PORT');

/**
 * `GET /metrics` on a port of its own, for apps whose HTTP port is public (the gateway): scrapers
 * reach it inside the cluster, clients never do. Anything else on it answers 404.
 */
@Injectable()
export class MetricsHttpServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private server?: Server;

  constructor(
    private readonly metrics: MetricsService,
    @Inject(METRICS_PORT) private readonly port: number | undefined,
    @Inject(APP_CONFIG) private readonly config: BaseConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.port === undefined) return;
    const server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found\n');
        return;
      }
      this.metrics.registry.metrics().then(
        (body) => response.writeHead(200, { 'content-type': this.metrics.registry.contentType }).end(body),
        (err: unknown) => {
          this.logger.error({ err }, 'Collecting metrics failed');
          response.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error\n');
        },
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, this.config.HTTP_HOST, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.logger.info({ port: (server.address() as AddressInfo).port }, 'Metrics served on their own port');
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
