import { SetMetadata } from '@nestjs/common';
import type { RateLimitedDialect } from './rate-limit-policy';

export const RATE_LIMIT_DIALECT = Symbol('RATE_LIMIT_DIALECT');

/** Counts every request of the decorated controller/route against the caller's key, with the dialect's policy. */
export const RateLimit = (dialect: RateLimitedDialect) => SetMetadata(RATE_LIMIT_DIALECT, dialect);
