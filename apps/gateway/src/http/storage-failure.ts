import { DomainError } from '@mp/contracts';
import type { Logger } from 'pino';

/** A failure of an object-store call as the client sees it: our own errors as they are, the store's as 503. */
export function asStorageFailure(err: unknown, logger: Logger, operation: string): DomainError {
  if (err instanceof DomainError) return err;
  logger.error({ err, operation }, 'Object storage call failed');
  return new DomainError('DependencyUnavailable', 'Object storage is unavailable, please retry');
}
