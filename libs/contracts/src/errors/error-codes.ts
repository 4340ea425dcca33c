/**
 * Every error code the platform can return, with the HTTP status REST dialects render it with.
 * Dialect filters translate codes into their own shapes; services only ever throw DomainError.
 */
export const ERROR_STATUS = {
  ValidationFailed: 400,
  MetadataTooLarge: 400,
  InvalidFolder: 400,
  InvalidFilename: 400,
  /** The deployment has no provider for the requested model. */
  ModelNotAvailable: 400,
  Unauthenticated: 401,
  InvalidApiKey: 401,
  WrongKeyKind: 403,
  Forbidden: 403,
  QuotaExceeded: 403,
  /** An AI Image key an operator suspended (seed 002's 403). */
  KeySuspended: 403,
  /** An AI Image key past its `expires_at` (seed 002's 403). */
  KeyExpired: 403,
  NotFound: 404,
  /** The request matched no route of the gateway (rendered in the dialect its path belongs to). */
  NoSuchRoute: 404,
  ObjectNotFound: 404,
  TeamNotFound: 404,
  ApiKeyNotFound: 404,
  FileNotFound: 404,
  Conflict: 409,
  /** A bucket (Swift container) that still holds objects. */
  BucketNotEmpty: 409,
  /** A body of unknown length that is not chunked (Swift's 411). */
  LengthRequired: 411,
  /** `If-None-Match: *` on an existing object, or another failed precondition of a write. */
  PreconditionFailed: 412,
  /** The body's MD5 is not the `ETag` the client sent (Swift's 422). */
  ChecksumMismatch: 422,
  LegalHold: 409,
  PayloadTooLarge: 413,
  UnsupportedMediaType: 415,
  RateLimited: 429,
  /** S3 protocol (SigV4) refusals and S3 operation errors, named as S3 names them. */
  InvalidAccessKeyId: 403,
  SignatureDoesNotMatch: 403,
  RequestTimeTooSkewed: 403,
  AuthorizationHeaderMalformed: 400,
  MalformedXML: 400,
  BadDigest: 400,
  InvalidPart: 400,
  InvalidPartOrder: 400,
  EntityTooSmall: 400,
  NoSuchBucket: 404,
  NoSuchUpload: 404,
  Internal: 500,
  /** A feature of a dialect the platform does not serve yet (documented in docs/compat). */
  NotImplemented: 501,
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
