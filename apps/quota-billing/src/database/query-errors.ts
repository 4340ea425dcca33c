import { QueryFailedError } from 'typeorm';

/** The parts of a failed Postgres statement that are safe to branch on and to log. */
export interface PgFailure {
  /** SQLSTATE, e.g. 23505 unique_violation, 23503 foreign_key_violation. */
  code: string | undefined;
  constraint: string | undefined;
}

export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';

export function pgFailure(err: unknown): PgFailure | null {
  if (!(err instanceof QueryFailedError)) return null;
  const driverError = err.driverError as { code?: unknown; constraint?: unknown };
  return {
    code: typeof driverError.code === 'string' ? driverError.code : undefined,
    constraint: typeof driverError.constraint === 'string' ? driverError.constraint : undefined,
  };
}

/** A query failure stripped of its parameters and row detail, which may hold key hashes. */
export class RedactedQueryError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly constraint: string | undefined,
  ) {
    super(message);
    this.name = 'RedactedQueryError';
  }
}

/**
 * TypeORM's QueryFailedError carries the statement's parameters and Postgres' `detail`
 * (`Key (key_hash)=(…) already exists`); anything that logs it would write them out. Errors of
 * statements that bind credentials go through here before they can reach a logger.
 */
export function redactQueryError(err: unknown): Error {
  const failure = pgFailure(err);
  if (failure)
    return new RedactedQueryError(
      `Query failed (SQLSTATE ${failure.code ?? 'unknown'}${failure.constraint ? `, ${failure.constraint}` : ''})`,
      failure.code,
      failure.constraint,
    );
  if (err instanceof Error) return new RedactedQueryError(`Query failed: ${err.message}`, undefined, undefined);
  return new RedactedQueryError('Query failed', undefined, undefined);
}
