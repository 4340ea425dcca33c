import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import { APP_CONFIG, APP_NAME } from '@mp/platform';
import Redis from 'ioredis';
import type { GatewayConfig } from '../app.config';

export const RATE_LIMIT_REDIS = Symbol('RATE_LIMIT_REDIS');

/**
 * The rate limiter's own connection: unlike BullMQ's it must not wait forever, so a command that
 * gets no answer within RATE_LIMIT_REDIS_TIMEOUT_MS fails (and the request is let through).
 */
export const rateLimitRedisProvider: Provider = {
  provide: RATE_LIMIT_REDIS,
  inject: [APP_CONFIG, APP_NAME],
  useFactory: (config: GatewayConfig, app: string) =>
    new Redis(config.REDIS_URL, {
      connectionName: `${config.NAMESPACE}.${app}.rate-limit`,
      commandTimeout: config.RATE_LIMIT_REDIS_TIMEOUT_MS,
      maxRetriesPerRequest: 1,
    }),
};

@Injectable()
export class RateLimitRedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(RATE_LIMIT_REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
