import { HttpException } from '@nestjs/common';
import { DomainError } from '@mp/contracts';
import { ERROR_CODE_BY_STATUS, frameworkFailureOf, isFrameworkError } from './framework-failure';

export interface ServingFailure {
  error: DomainError;
  unexpected: boolean;
  /** The precise HTTP status of a framework refusal (e.g. 414), for dialects that answer with the error's status. */
  frameworkStatus?: number;
}

/** Anything thrown while serving a request, as a DomainError; unknown errors are Internal. */
export function toDomainError(error: unknown): ServingFailure {
  if (error instanceof DomainError) return { error, unexpected: false };
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = ERROR_CODE_BY_STATUS[status];
    if (status === 404) return { error: new DomainError('NoSuchRoute', 'No such route'), unexpected: false };
    if (code) return { error: new DomainError(code, error.message), unexpected: false };
  }
  if (isFrameworkError(error)) {
    const failure = frameworkFailureOf(error);
    return { error: failure.error, unexpected: failure.status >= 500, frameworkStatus: failure.status };
  }
  return { error: new DomainError('Internal', 'Internal error'), unexpected: true };
}
