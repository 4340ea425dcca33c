import { defineDialect } from '../dialects/dialect-registry';
import { IMAGE_ERROR_STATUS, renderImageError } from './image-error.renderer';
import { ImageKeyGuard } from './image-key.guard';
import { IMAGE_DOC } from './image.dialect-doc';

/** Seed 001: `/image/v2.0/appkeys/{appKey}/…` with the secret key in `Authorization`; public files under `/image/files`. */
export const IMAGE_DIALECT = defineDialect({
  id: 'image',
  unroutedPrefixes: ['/image'],
  renderError: renderImageError,
  statusOf: () => IMAGE_ERROR_STATUS,
  docs: IMAGE_DOC,
  guard: ImageKeyGuard,
});
