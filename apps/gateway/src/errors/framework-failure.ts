import { DomainError, ErrorCode } from '@mp/contracts';

/**
 * A request refused by Fastify or by Node's HTTP parser, as the platform error every dialect
 * renders, and the HTTP status that names the failure precisely (414, 431, … have no error code
 * of their own: they are `ValidationFailed` with `details.reason`).
 */
export interface FrameworkFailure {
  error: DomainError;
  status: number;
}

interface FrameworkErrorLike {
  code?: string;
  statusCode?: number;
  message?: string;
}

const invalid = (status: number, reason: string | undefined, message: string): FrameworkFailure => ({
  error: new DomainError('ValidationFailed', message, reason ? { reason } : {}),
  status,
});

const KNOWN: Record<string, () => FrameworkFailure> = {
  FST_ERR_CTP_INVALID_JSON_BODY: () => invalid(400, undefined, 'Request body is not valid JSON'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () =>
    invalid(400, undefined, 'Request body is empty but Content-Type is application/json'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () =>
    invalid(400, 'InvalidContentLength', 'Content-Length does not match the body'),
  FST_ERR_CTP_BODY_TOO_LARGE: () => ({
    error: new DomainError('PayloadTooLarge', 'Request body is too large'),
    status: 413,
  }),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => ({
    error: new DomainError('UnsupportedMediaType', 'Unsupported Content-Type'),
    status: 415,
  }),
  FST_ERR_BAD_URL: () => invalid(400, 'MalformedUrl', 'The URL is not validly percent-encoded'),
  FST_ERR_MAX_PARAM_LENGTH: () => invalid(414, 'UrlTooLong', 'A segment of the URL path is too long'),
  HPE_HEADER_OVERFLOW: () =>
    invalid(431, 'HeadersTooLarge', 'The request line and headers are too large (at most 16 KB)'),
  ERR_HTTP_REQUEST_TIMEOUT: () => invalid(408, 'RequestTimeout', 'The request was not received in time'),
};

/** The error code of a framework or HTTP exception's 4xx status. */
export const ERROR_CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'ValidationFailed',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  429: 'RateLimited',
};

/** The failure of a Fastify error (`FST_ERR_*`, any 4xx `statusCode`) or a Node HTTP parser error (`HPE_*`). */
export function frameworkFailureOf(error: FrameworkErrorLike): FrameworkFailure {
  const known = error.code ? KNOWN[error.code] : undefined;
  if (known) return known();
  if (error instanceof SyntaxError) return KNOWN.FST_ERR_CTP_INVALID_JSON_BODY();
  const status = error.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return {
      error: new DomainError(ERROR_CODE_BY_STATUS[status] ?? 'ValidationFailed', error.message ?? 'Bad request'),
      status,
    };
  }
  if (error.code?.startsWith('HPE_')) return invalid(400, 'MalformedRequest', 'The HTTP request is malformed');
  if (error.code?.startsWith('FST_ERR_')) return { error: new DomainError('Internal', 'Internal error'), status: 500 };
  return invalid(400, 'MalformedRequest', 'The HTTP request is malformed');
}

/** Whether `error` is one Fastify or Node raises about the request itself (rather than a bug). */
export function isFrameworkError(error: unknown): error is FrameworkErrorLike {
  const { code, statusCode } = (error ?? {}) as FrameworkErrorLike;
  return (
    (typeof code === 'string' && code in KNOWN) ||
    (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500)
  );
}
