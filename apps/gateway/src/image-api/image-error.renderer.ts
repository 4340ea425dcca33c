import { DomainError, imageResultCodeOf } from '@mp/contracts';

/**
 * Image API (seed 001): every answer is HTTP 200 with `header.isSuccessful=false`, the resultCode
 * of docs/compat/image-api.md and a message; an unknown route is the seed's own 404 body.
 */
export function renderImageError(e: DomainError): unknown {
  if (e.code === 'NoSuchRoute') {
    return {
      header: { isSuccessful: false, resultCode: 404, resultMessage: 'Please check your API Url, HTTP Method.' },
    };
  }
  return { header: { isSuccessful: false, resultCode: imageResultCodeOf(e), resultMessage: e.message } };
}

/** The image dialect answers 200 whatever happened. */
export const IMAGE_ERROR_STATUS = 200;
