import {
  DynamicModule,
  Inject,
  Injectable,
  Module,
  OnApplicationShutdown,
  OnModuleDestroy,
  OnModuleInit,
  Provider,
} from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { QueueName } from '@mp/contracts';
import type Redis from 'ioredis';
import { NatsConnection } from 'nats';
import type { Logger } from 'pino';
import { BaseConfig } from './config';
import { DatabaseModule, DatabaseOptions } from './database';
import { HandlerDiscovery } from './discovery/handler-discovery';
import { HealthController, HealthRegistry } from './health';
import { createLogger } from './logging';
import {
  checkNats,
  connectNats,
  ensureEventStream,
  EventConsumerHost,
  EventDelivery,
  EventPublisher,
  RpcClient,
  RpcServer,
  wireNames,
  WireNames,
} from './messaging';
import { METRICS_PORT, MetricsController, MetricsHttpServer, MetricsService } from './metrics';
import { Outbox } from './outbox';
import {
  createRedis,
  JOB_RETRY_OVERRIDES,
  JobQueue,
  JobWorkerHost,
  RetryOverrides,
  WORKER_SETTINGS,
  WorkerSettings,
} from './queues';
import { APP_CONFIG, APP_NAME, LOGGER, NATS_CONNECTION, REDIS_CONNECTION, WIRE_NAMES } from './tokens';

export interface PlatformOptions {
  app: string;
  config: BaseConfig;
  /** The app's own Postgres schema, entities and migrations; enables the outbox. */
  database?: DatabaseOptions;
  /** Redis + BullMQ: producers always, workers for every @JobHandler in the app. */
  queues?: {
    concurrency?: Partial<Record<QueueName, number>>;
    /** Changes the retry policy of some jobs (see JOB_RETRY_POLICIES), for enqueued and scheduled runs alike. */
    retry?: RetryOverrides;
  };
  /**
   * For an app whose HTTP port is public: `/metrics` is no route of it, but served on `port` alone
   * (not at all when `port` is undefined). Without this option `/metrics` is a route of the app.
   */
  separateMetrics?: { port: number | undefined };
}

@Injectable()
class InfrastructureLifecycle implements OnModuleInit, OnModuleDestroy, OnApplicationShutdown {
  constructor(
    private readonly health: HealthRegistry,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(WIRE_NAMES) private readonly names: WireNames,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    this.health.register({ name: 'nats', check: () => checkNats(this.nc) });
    await ensureEventStream(this.nc, this.names);
  }

  /** First step of shutdown: readiness fails so no new work is routed here. */
  onModuleDestroy(): void {
    this.health.startDraining();
    this.logger.info('Shutting down: draining');
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.nc.isClosed()) await this.nc.drain().catch(() => undefined);
  }
}

@Injectable()
class RedisLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly health: HealthRegistry,
    @Inject(REDIS_CONNECTION) private readonly redis: Redis,
  ) {}
  onModuleInit(): void {
    this.health.register({ name: 'redis', check: async () => void (await this.redis.ping()) });
  }
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** Config, logging, health, metrics, NATS RPC + JetStream, and optionally Postgres and BullMQ. */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const names = wireNames(options.config.NAMESPACE);
    const providers: Provider[] = [
      { provide: APP_CONFIG, useValue: options.config },
      { provide: APP_NAME, useValue: options.app },
      { provide: WIRE_NAMES, useValue: names },
      { provide: LOGGER, useValue: createLogger({ app: options.app, level: options.config.LOG_LEVEL }) },
      {
        provide: NATS_CONNECTION,
        useFactory: () =>
          connectNats({ url: options.config.NATS_URL, name: `${options.config.NAMESPACE}.${options.app}` }),
      },
      HealthRegistry,
      MetricsService,
      HandlerDiscovery,
      RpcClient,
      RpcServer,
      EventPublisher,
      EventDelivery,
      EventConsumerHost,
      InfrastructureLifecycle,
    ];
    if (options.separateMetrics)
      providers.push({ provide: METRICS_PORT, useValue: options.separateMetrics.port }, MetricsHttpServer);
    const exported: (Provider | symbol)[] = [
      APP_CONFIG,
      APP_NAME,
      WIRE_NAMES,
      LOGGER,
      NATS_CONNECTION,
      HealthRegistry,
      MetricsService,
      RpcClient,
      EventPublisher,
    ];
    const imports: DynamicModule['imports'] = [DiscoveryModule];
    if (options.database) {
      imports.push(DatabaseModule.forRoot(options.database));
      providers.push(Outbox);
      exported.push(Outbox);
    }
    if (options.queues) {
      providers.push(
        {
          provide: REDIS_CONNECTION,
          useFactory: () => createRedis(options.config.REDIS_URL, `${options.config.NAMESPACE}.${options.app}`),
        },
        {
          provide: WORKER_SETTINGS,
          inject: [REDIS_CONNECTION],
          useFactory: (connection: Redis): WorkerSettings => ({
            connection,
            prefix: names.bullPrefix,
            lockDurationMs: options.config.JOB_LOCK_DURATION_MS,
            concurrency: options.queues?.concurrency ?? {},
          }),
        },
        { provide: JOB_RETRY_OVERRIDES, useValue: options.queues.retry ?? {} },
        JobQueue,
        JobWorkerHost,
        RedisLifecycle,
      );
      exported.push(REDIS_CONNECTION, JobQueue);
    }
    return {
      module: PlatformModule,
      global: true,
      imports,
      controllers: options.separateMetrics ? [HealthController] : [HealthController, MetricsController],
      providers,
      exports: exported,
    };
  }
}
