import { defineDialect } from '../dialects/dialect-registry';
import { BearerTokenGuard } from './bearer-token.guard';
import { mediaApiStatus, renderMediaApiError } from './media-error.renderer';
import { MEDIA_API_DOC } from './media-api.dialect-doc';

/** Seed 003 (FastAPI): `/api/v1/…` with OAuth2 bearer tokens, and public file serving under `/files`. */
export const MEDIA_API_DIALECT = defineDialect({
  id: 'media',
  unroutedPrefixes: ['/api/v1', '/files'],
  renderError: renderMediaApiError,
  statusOf: mediaApiStatus,
  docs: MEDIA_API_DOC,
  guard: BearerTokenGuard,
});
