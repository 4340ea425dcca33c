import { defineDialect } from '../dialects/dialect-registry';
import { renderS3ProxyError } from './s3-error.renderer';
import { S3KeyGuard } from './s3-key.guard';
import { S3_PROXY_DOC } from './s3-proxy.dialect-doc';

/** Seed 002's S3 storage proxy: `/s3/…` with `Authorization: Bearer kikaku_s3_…`, rate limited per key. */
export const S3_PROXY_DIALECT = defineDialect({
  id: 's3-proxy',
  unroutedPrefixes: ['/s3'],
  renderError: renderS3ProxyError,
  docs: S3_PROXY_DOC,
  guard: S3KeyGuard,
  rateLimit: (config) => ({
    limit: config.S3_PROXY_RATE_LIMIT,
    windowSeconds: config.S3_PROXY_RATE_LIMIT_WINDOW_SECONDS,
  }),
});
