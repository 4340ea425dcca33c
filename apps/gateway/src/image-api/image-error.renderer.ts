import { imageResultCodeOf } from '@mp/contracts';
import type { ErrorRenderer } from '../errors/error-renderers';

/** What the gateway calls an unknown route (to-domain-error.ts); the seed answers it with 404. */
const NO_SUCH_ROUTE = 'No such route';

/**
 * Image API (seed 001): every answer is HTTP 200 with `header.isSuccessful=false`, the resultCode
 * of docs/compat/image-api.md and a message; an unknown route is the seed's own 404 body.
 */
export const renderImageError: ErrorRenderer = (e) => {
  if (e.code === 'NotFound' && e.message === NO_SUCH_ROUTE) {
    return {
      header: { isSuccessful: false, resultCode: 404, resultMessage: 'Please check your API Url, HTTP Method.' },
    };
  }
  return { header: { isSuccessful: false, resultCode: imageResultCodeOf(e), resultMessage: e.message } };
};

/** The image dialect answers 200 whatever happened. */
export const IMAGE_ERROR_STATUS = 200;
