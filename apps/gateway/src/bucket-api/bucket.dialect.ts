import { defineDialect } from '../dialects/dialect-registry';
import { renderBucketError } from './bucket-error.renderer';
import { BucketTokenGuard } from './bucket-token.guard';
import { BUCKET_DOC } from './bucket.dialect-doc';

/**
 * Seed 004: the bucket API (`/v1_ext/bucket…`) and the Swift object API (`/v1/{account}…`,
 * `/auth/v1.0`, `/info`) with `X-Auth-Token: <bucket token>`. `/v1` covers only what no longer
 * prefix claims: `/v1/files`, `/v1/images`… stay their dialects'.
 */
export const BUCKET_DIALECT = defineDialect({
  id: 'bucket',
  unroutedPrefixes: ['/v1_ext', '/v1', '/auth', '/info'],
  renderError: renderBucketError,
  docs: BUCKET_DOC,
  guard: BucketTokenGuard,
});
