import {
  bucketListSchema,
  bucketParamsSchema,
  bucketSchema,
  containerNameSchema,
  corsConfigurationSchema,
  createBucketBodySchema,
  createdBucketSchema,
  createPolicyBodySchema,
  listBucketsQuerySchema,
  objectNameSchema,
  policyListSchema,
  policyParamsSchema,
  putCorsBodySchema,
  updateBucketBodySchema,
  updatedBucketSchema,
} from '@mp/contracts';
import { z } from 'zod';
import type { DialectDoc, OperationDoc } from '../docs/dialect-doc';

const account = z.uuid();
const containerParams = z.object({ account, container: containerNameSchema });
const objectParams = z.object({ account, container: containerNameSchema, object: objectNameSchema });
const listingQuery = z.object({
  format: z.enum(['json', 'xml', 'plain']).optional(),
  prefix: z.string().optional(),
  delimiter: z.string().optional(),
  marker: z.string().optional(),
  end_marker: z.string().optional(),
  limit: z.number().int().optional(),
  reverse: z.boolean().optional(),
});
const listing = z.array(z.record(z.string(), z.unknown()));
const empty = z.string().describe('empty body');

const policyAliases: OperationDoc[] = ['/v1_ext/{name}/policy', '/v1/bucket/{name}/policy'].flatMap((path) => [
  {
    method: 'get' as const,
    path,
    summary: 'List lifecycle policies (alias path)',
    params: bucketParamsSchema,
    response: policyListSchema,
    status: 200,
  },
  {
    method: 'put' as const,
    path,
    summary: 'Add a lifecycle policy (alias path)',
    params: bucketParamsSchema,
    body: createPolicyBodySchema,
    response: policyListSchema,
    status: 200,
  },
  {
    method: 'delete' as const,
    path: `${path}/{id}`,
    summary: 'Delete a lifecycle policy (alias path)',
    params: policyParamsSchema,
    response: empty,
    status: 204,
  },
]);

/** Seed 004: the bucket API and the Swift object API. */
export const BUCKET_DOC: DialectDoc = {
  title: 'Bucket API and Swift object API (seed 004)',
  description:
    'Buckets of a project (`/v1_ext/bucket…`) and their objects through the OpenStack Swift API (`/v1/{account}…`, account = project id). Authenticate with `X-Auth-Token: <bucket token>`; `swift` and python-swiftclient work unchanged (`/auth/v1.0`, `/info`). See docs/compat/bucket-api.md.',
  security: {
    name: 'AuthToken',
    scheme: { type: 'apiKey', in: 'header', name: 'X-Auth-Token', description: 'A bucket token of the project' },
  },
  errorExample: { error: { code: 'NotFound', message: 'Bucket not found' } },
  operations: [
    {
      method: 'put',
      path: '/v1_ext/bucket',
      summary: 'Create a bucket',
      description:
        '`name` (or `bucket_name`): 3–63 characters of lowercase letters, digits, `-`, `_`, `.`. `type` hot (default) or cold (stored; served like hot). `use_encryption: true` answers 400 until encryption at rest is served. 409 for a name the project already has.',
      body: createBucketBodySchema,
      response: createdBucketSchema,
      status: 200,
    },
    {
      method: 'get',
      path: '/v1_ext/bucket',
      summary: 'List buckets',
      description:
        '`prefix` and `include` are exclusive (400). Sorted by `by` in `direct` order, paged by `offset`/`limit`.',
      query: listBucketsQuerySchema,
      response: bucketListSchema,
      status: 200,
    },
    {
      method: 'get',
      path: '/v1_ext/bucket/{name}',
      summary: 'Get a bucket',
      description: 'Live `bytes` and `objectCount` of its visible objects, `policyCount`, owner and ACL.',
      params: bucketParamsSchema,
      response: bucketSchema,
      status: 200,
    },
    {
      method: 'post',
      path: '/v1_ext/bucket/{name}',
      summary: 'Set the ACL or the owner',
      description:
        '`acl` (`public: "read-only"`, `public_read_allow_ip_list` of IPs/CIDRs, `permissions` `[{user: {id}, permission: read-only|read-write}]` of users of the same project — absent keeps them, `null`/`[]` removes; `acl: null` clears all) or `ownerId` (a user of the same project, else 404).',
      params: bucketParamsSchema,
      body: updateBucketBodySchema,
      response: updatedBucketSchema,
      status: 200,
    },
    {
      method: 'delete',
      path: '/v1_ext/bucket/{name}',
      summary: 'Delete a bucket',
      description: '404 when absent, 409 `BucketNotEmpty` while it holds objects.',
      params: bucketParamsSchema,
      response: empty,
      status: 200,
    },
    {
      method: 'get',
      path: '/v1_ext/bucket/{name}/cors',
      summary: 'Get the CORS rules',
      params: bucketParamsSchema,
      response: corsConfigurationSchema,
      status: 200,
    },
    {
      method: 'put',
      path: '/v1_ext/bucket/{name}/cors',
      summary: 'Replace the CORS rules',
      description:
        'At most 10 rules; `cors: []` or an empty body resets to the default (no external origin). POST works the same.',
      params: bucketParamsSchema,
      body: putCorsBodySchema,
      response: corsConfigurationSchema,
      status: 200,
    },
    {
      method: 'post',
      path: '/v1_ext/bucket/{name}/cors',
      summary: 'Replace the CORS rules (POST, as the seed also writes it)',
      params: bucketParamsSchema,
      body: putCorsBodySchema,
      response: corsConfigurationSchema,
      status: 200,
    },
    {
      method: 'get',
      path: '/v1_ext/bucket/{name}/policy',
      summary: 'List lifecycle policies',
      params: bucketParamsSchema,
      response: policyListSchema,
      status: 200,
    },
    {
      method: 'put',
      path: '/v1_ext/bucket/{name}/policy',
      summary: 'Add a lifecycle policy',
      description:
        'Objects whose name starts with `target` become invisible `duration` days after their last change. The body is JSON whatever its Content-Type (the seed sends none).',
      params: bucketParamsSchema,
      body: createPolicyBodySchema,
      response: policyListSchema,
      status: 200,
    },
    {
      method: 'delete',
      path: '/v1_ext/bucket/{name}/policy/{id}',
      summary: 'Delete a lifecycle policy',
      params: policyParamsSchema,
      response: empty,
      status: 204,
    },
    ...policyAliases,
    {
      method: 'get',
      path: '/v1/{account}',
      summary: 'Swift: list containers',
      description:
        '`format` json|xml|plain (or by Accept), `prefix`, `marker`, `end_marker`, `limit` ≤ 10000, `reverse`.',
      params: z.object({ account }),
      query: listingQuery,
      response: listing,
      status: 200,
    },
    {
      method: 'get',
      path: '/v1/{account}/{container}',
      summary: 'Swift: list objects',
      description: '`delimiter` collapses names into `subdir` entries; the other parameters as for containers.',
      params: containerParams,
      query: listingQuery,
      response: listing,
      status: 200,
    },
    {
      method: 'put',
      path: '/v1/{account}/{container}',
      summary: 'Swift: create a container',
      description: '201 new, 202 existing (its `X-Container-Meta-*` merged).',
      params: containerParams,
      response: empty,
      status: 201,
    },
    {
      method: 'post',
      path: '/v1/{account}/{container}',
      summary: 'Swift: update container metadata',
      description:
        '`X-Container-Meta-*` (and `X-Object-Meta-*`, as the seed sends) merged; `X-Remove-Container-Meta-*` removed.',
      params: containerParams,
      response: empty,
      status: 204,
    },
    {
      method: 'delete',
      path: '/v1/{account}/{container}',
      summary: 'Swift: delete a container',
      description: '409 while it holds objects.',
      params: containerParams,
      response: empty,
      status: 204,
    },
    {
      method: 'put',
      path: '/v1/{account}/{container}/{object}',
      summary: 'Swift: upload an object',
      description:
        "Streamed. `ETag` (MD5) checked (422), `Content-Length` or chunked required (411), `If-None-Match: *` (412), `X-Object-Meta-*`, `X-Delete-At`/`X-Delete-After`, `X-Copy-From` (a large object is copied as its content; `?multipart-manifest=get` copies the manifest), `X-Object-Manifest` (DLO), `?multipart-manifest=put` with a JSON segment list (SLO, 400 with Swift's wording on faulty segments). `COPY` with `Destination` is this PUT; without one → 412.",
      params: objectParams,
      body: z.string(),
      bodyContentType: 'application/octet-stream',
      response: empty,
      status: 201,
    },
    {
      method: 'get',
      path: '/v1/{account}/{container}/{object}',
      summary: 'Swift: download an object',
      description:
        "Range (206, multipart/byteranges, 416) and If-Match / If-None-Match / If-Modified-Since / If-Unmodified-Since. Large objects (DLO, SLO) are served as their segments laid end to end; `?multipart-manifest=get` answers an SLO's manifest (`&format=raw`: the PUT format).",
      params: objectParams,
      response: z.string(),
      responseContentType: 'application/octet-stream',
      status: 200,
    },
    {
      method: 'post',
      path: '/v1/{account}/{container}/{object}',
      summary: 'Swift: replace object metadata',
      params: objectParams,
      response: empty,
      status: 202,
    },
    {
      method: 'delete',
      path: '/v1/{account}/{container}/{object}',
      summary: 'Swift: delete an object',
      description:
        "`?multipart-manifest=delete` deletes an SLO's segments, then its manifest, answered 200 with the bulk-delete document.",
      params: objectParams,
      response: empty,
      status: 204,
    },
    {
      method: 'get',
      path: '/auth/v1.0',
      summary: 'Swift v1 authentication',
      description: '`X-Auth-User: {account}:{name}`, `X-Auth-Key: {bucket token}` → `X-Auth-Token`, `X-Storage-Url`.',
      response: z.object({ storage: z.record(z.string(), z.string()) }),
      status: 200,
      public: true,
    },
    {
      method: 'get',
      path: '/info',
      summary: 'Swift capabilities',
      response: z.object({ swift: z.record(z.string(), z.unknown()) }),
      status: 200,
      public: true,
    },
  ],
};
