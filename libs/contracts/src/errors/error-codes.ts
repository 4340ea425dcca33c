/**
 * Every error code the platform can return, with the HTTP status REST dialects render it with.
 * Dialect filters translate codes into their own shapes; services only ever throw DomainError.
 */
export const ERROR_STATUS = {
  ValidationFailed: 400,
  MetadataTooLarge: 400,
  InvalidFolder: 400,
  InvalidFilename: 400,
  Unauthenticated: 401,
  InvalidApiKey: 401,
  WrongKeyKind: 403,
  Forbidden: 403,
  QuotaExceeded: 403,
  NotFound: 404,
  /** The request matched no route of the gateway (rendered in the dialect its path belongs to). */
  NoSuchRoute: 404,
  ObjectNotFound: 404,
  TeamNotFound: 404,
  ApiKeyNotFound: 404,
  FileNotFound: 404,
  Conflict: 409,
  LegalHold: 409,
  PayloadTooLarge: 413,
  UnsupportedMediaType: 415,
  RateLimited: 429,
  Internal: 500,
  DependencyUnavailable: 503,
  Timeout: 504,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_STATUS, value);
}

export function httpStatusOf(code: ErrorCode): number {
  return ERROR_STATUS[code];
}
