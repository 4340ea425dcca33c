import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@mp/contracts';
import { LOGGER } from '@mp/platform';
import type { Logger } from 'pino';

/**
 * How a failed object-store call reaches the client: our own errors as they are, the store's logged
 * with the operation and answered as 503 DependencyUnavailable.
 */
@Injectable()
export class StorageFailures {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  /** The error to throw for `err`, a failure of `operation` (keep it a fixed phrase: it is logged). */
  of(err: unknown, operation: string): DomainError {
    if (err instanceof DomainError) return err;
    this.logger.error({ err, operation }, 'Object storage call failed');
    return new DomainError('DependencyUnavailable', 'Object storage is unavailable, please retry');
  }

  /** Runs one store call; its failure is thrown as `of` turns it. */
  async attempt<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      throw this.of(err, operation);
    }
  }
}
