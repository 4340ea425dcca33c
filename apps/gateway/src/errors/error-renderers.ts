import { DomainError, ErrorCode, httpStatusOf } from '@mp/contracts';
import { IMAGE_ERROR_STATUS, renderImageError } from '../image-api/image-error.renderer';
import { isMediaApiPath, mediaApiStatus, renderMediaApiError } from '../media-api/media-error.renderer';
import { renderS3ProxyError } from '../s3-proxy/s3-error.renderer';

/** Renders a DomainError as one dialect's error body (the HTTP status comes from the code). */
export type ErrorRenderer = (error: DomainError) => unknown;

/** Storage API (seed 000, FastAPI-style): `detail` for clients that read it, plus a machine-readable code. */
export const renderStorageError: ErrorRenderer = (e) => ({
  detail: e.message,
  error: { code: e.code, message: e.message, details: e.details },
});

/** Admin API and anything without a dialect of its own. */
export const renderPlainError: ErrorRenderer = (e) => ({
  error: { code: e.code, message: e.message, details: e.details },
});

/** Which dialect a path belongs to decides how its errors look. */
export function rendererForPath(path: string): ErrorRenderer {
  if (isMediaApiPath(path)) return renderMediaApiError;
  if (path.startsWith('/v1/files')) return renderStorageError;
  if (path === '/s3' || path.startsWith('/s3/')) return renderS3ProxyError;
  if (path.startsWith('/image/')) return renderImageError;
  return renderPlainError;
}

/** The HTTP status of an error: the code's own, except in dialects that always answer 200 (image) or FastAPI's 422/400 (seed 003). */
export function statusForPath(path: string, code: ErrorCode, error?: DomainError): number {
  if (error && isMediaApiPath(path)) return mediaApiStatus(error);
  if (path.startsWith('/image/')) return IMAGE_ERROR_STATUS;
  return httpStatusOf(code);
}
