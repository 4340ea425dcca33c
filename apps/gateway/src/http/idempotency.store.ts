import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@mp/contracts';
import { APP_CONFIG } from '@mp/platform';
import { createHash } from 'node:crypto';
import Redis from 'ioredis';
import type { GatewayConfig } from '../app.config';
import { RATE_LIMIT_REDIS } from '../rate-limit/rate-limit-redis.provider';

/** The seed-independent promise: the same key and body within 24 h never generate (or bill) twice. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
/** How long a claim may stay "running" before another attempt may take over (a gateway that died). */
const RUNNING_TTL_SECONDS = 15 * 60;
const RUNNING_RETRY_AFTER_SECONDS = 5;

type Entry<T> = { state: 'running'; fingerprint: string } | { state: 'done'; fingerprint: string; result: T };

/** `T`: what the first request's result is stored as (JSON), returned to the retries. */
export type Claim<T> = { kind: 'run'; redisKey: string; fingerprint: string } | { kind: 'replay'; result: T };

/**
 * `Idempotency-Key` for POST requests (generations, predictions), in the Redis every gateway replica shares: the first
 * request claims the key, a retry with the same body gets the stored result, another body → 409,
 * a retry while the first still runs → 409 with Retry-After. Failed requests release the key.
 */
@Injectable()
export class IdempotencyStore {
  constructor(
    @Inject(RATE_LIMIT_REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async claim<T>(scope: string, idempotencyKey: string, body: unknown): Promise<Claim<T>> {
    if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new DomainError('ValidationFailed', 'Idempotency-Key must be 1–255 printable ASCII characters', {
        parameter_code: 'InvalidParameter',
      });
    }
    const redisKey = `${this.config.NAMESPACE}:idempotency:${scope}:${sha256(idempotencyKey)}`;
    const fingerprint = sha256(JSON.stringify(body));
    const running: Entry<T> = { state: 'running', fingerprint };
    const claimed = await this.command(() =>
      this.redis.set(redisKey, JSON.stringify(running), 'EX', RUNNING_TTL_SECONDS, 'NX'),
    );
    if (claimed === 'OK') return { kind: 'run', redisKey, fingerprint };
    const raw = await this.command(() => this.redis.get(redisKey));
    if (raw === null) return this.claim<T>(scope, idempotencyKey, body); // expired between the two commands
    const entry = JSON.parse(raw) as Entry<T>;
    if (entry.fingerprint !== fingerprint) {
      throw new DomainError('Conflict', 'This Idempotency-Key was already used with another request body');
    }
    if (entry.state === 'running') {
      throw new DomainError('Conflict', 'A request with this Idempotency-Key is still running; retry shortly', {
        retry_after_seconds: RUNNING_RETRY_AFTER_SECONDS,
      });
    }
    return { kind: 'replay', result: entry.result };
  }

  async complete<T>(claim: { redisKey: string; fingerprint: string }, result: T): Promise<void> {
    const entry: Entry<T> = { state: 'done', fingerprint: claim.fingerprint, result };
    await this.command(() => this.redis.set(claim.redisKey, JSON.stringify(entry), 'EX', IDEMPOTENCY_TTL_SECONDS));
  }

  async release(claim: { redisKey: string }): Promise<void> {
    await this.command(() => this.redis.del(claim.redisKey));
  }

  private async command<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch {
      throw new DomainError('DependencyUnavailable', 'Idempotency keys are unavailable right now; retry shortly');
    }
  }
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
