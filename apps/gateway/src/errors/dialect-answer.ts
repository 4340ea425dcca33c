import { DomainError, httpStatusOf } from '@mp/contracts';
import type { DialectDefinition } from '../dialects/dialect-definition';
import { dialectById, dialectOfUnroutedPath } from '../dialects/dialect-registry';
import { plainStatusOf, renderPlainError } from '../dialects/plain-errors';

type ErrorDialect = Pick<DialectDefinition, 'renderError' | 'statusOf' | 'errorContentType'>;

/** What answers errors of requests that belong to no dialect (e.g. `/docs`, `/health`, `/metrics`). */
const NO_DIALECT: ErrorDialect = { renderError: renderPlainError };

export interface DialectAnswer {
  status: number;
  body: unknown;
  contentType: string;
}

/** The dialect of a request: the one of the route that matched, else the one its path falls under. */
export function errorDialectOf(path: string, routedDialectId?: string): ErrorDialect {
  return (routedDialectId ? dialectById(routedDialectId) : undefined) ?? dialectOfUnroutedPath(path) ?? NO_DIALECT;
}

/**
 * `error` in the dialect's shape and status. `frameworkStatus` (414, 431, …) replaces the status
 * of dialects that answer with the error code's own status; a dialect with a status of its own
 * (the image API's 200) keeps it.
 */
export function answerInDialect(dialect: ErrorDialect, error: DomainError, frameworkStatus?: number): DialectAnswer {
  const status = (dialect.statusOf ?? plainStatusOf)(error);
  const precise = frameworkStatus !== undefined && status === httpStatusOf(error.code) ? frameworkStatus : status;
  return {
    status: precise,
    body: dialect.renderError(error),
    contentType: dialect.errorContentType ?? 'application/json',
  };
}
