import { HttpException } from '@nestjs/common';
import { DomainError, ErrorCode } from '@mp/contracts';

const BY_STATUS: Record<number, ErrorCode> = {
  400: 'ValidationFailed',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  429: 'RateLimited',
};

/** Anything thrown while serving a request, as a DomainError; unknown errors are Internal. */
export function toDomainError(error: unknown): { error: DomainError; unexpected: boolean } {
  if (error instanceof DomainError) return { error, unexpected: false };
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = BY_STATUS[status];
    if (status === 404) return { error: new DomainError('NoSuchRoute', 'No such route'), unexpected: false };
    if (code) return { error: new DomainError(code, error.message), unexpected: false };
  }
  const status = (error as { statusCode?: number })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = BY_STATUS[status] ?? 'ValidationFailed';
    return { error: new DomainError(code, describeFrameworkError(error as Error)), unexpected: false };
  }
  return { error: new DomainError('Internal', 'Internal error'), unexpected: true };
}

function describeFrameworkError(error: Error & { code?: string }): string {
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError)
    return 'Request body is not valid JSON';
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'Request body is empty but Content-Type is application/json';
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'Request body is too large';
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'Unsupported Content-Type';
  return error.message;
}
