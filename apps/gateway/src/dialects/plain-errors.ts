import { DomainError, ErrorCode, httpStatusOf } from '@mp/contracts';

/** The code clients see: an unmatched route is reported as `NotFound`, as for any missing resource. */
export function publicErrorCode(code: ErrorCode): ErrorCode {
  return code === 'NoSuchRoute' ? 'NotFound' : code;
}

/** `{"error": {code, message, details}}` with the code's own status: the admin API and anything without a dialect. */
export function renderPlainError(e: DomainError): unknown {
  return { error: { code: publicErrorCode(e.code), message: e.message, details: e.details } };
}

export function plainStatusOf(e: DomainError): number {
  return httpStatusOf(e.code);
}
