import { defineDialect } from '../dialects/dialect-registry';
import { renderGenerationError } from './generation-error.renderer';
import { GENERATION_DOC } from './generation.dialect-doc';
import { KikakuKeyGuard } from './kikaku-key.guard';

/** Seed 002's AI Image API: `/v1/images/…`, `/v1/usage`, `/v1/logs`, `/v1/gallery` with `Authorization: Bearer kikaku_…`, rate limited per key. */
export const GENERATION_DIALECT = defineDialect({
  id: 'generation',
  unroutedPrefixes: ['/v1/images', '/v1/usage', '/v1/logs', '/v1/gallery'],
  renderError: renderGenerationError,
  docs: GENERATION_DOC,
  guard: KikakuKeyGuard,
  rateLimit: (config) => ({
    limit: config.GENERATION_RATE_LIMIT,
    windowSeconds: config.GENERATION_RATE_LIMIT_WINDOW_SECONDS,
  }),
});
