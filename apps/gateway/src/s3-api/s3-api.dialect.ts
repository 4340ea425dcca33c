import { defineDialect } from '../dialects/dialect-registry';
import { S3_API_PREFIX } from './s3-api.config';
import { renderS3Error } from './s3-error.xml';

/**
 * The S3 protocol (`/s3-api`): its own Fastify context answers everything routed there (see
 * S3ApiRouter); this definition makes what Fastify or Node refuse before routing (a bad
 * percent-encoding, oversized headers) answer in S3 XML too.
 */
export const S3_API_DIALECT = defineDialect({
  id: 's3-api',
  unroutedPrefixes: [S3_API_PREFIX],
  renderError: (error) => renderS3Error(error).body,
  statusOf: (error) => renderS3Error(error).status,
  errorContentType: 'application/xml',
});
