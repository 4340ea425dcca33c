import { z } from 'zod';
import { bucketAclInputSchema, updatedBucketSchema } from './bucket-acl.dto';
import { containerAccessSchema, corsConfigurationSchema, putCorsBodySchema } from './bucket-cors.dto';
import { bucketListSchema, bucketSchema, createBucketBodySchema, createdBucketSchema } from './bucket.dto';
import { listBucketsQuerySchema } from './bucket.dto';
import { containerNameSchema } from './bucket-names';
import { bulkDeleteRequestSchema, bulkDeleteResultSchema } from './bulk-delete.dto';
import { createPolicyBodySchema, policyListSchema } from './bucket-policy.dto';
import {
  accountListingRequestSchema,
  accountListingSchema,
  commitObjectRequestSchema,
  containerInfoSchema,
  containerListingRequestSchema,
  containerListingSchema,
  containerRefSchema,
  createContainerRequestSchema,
  objectRecordSchema,
  objectRefSchema,
  replacedObjectSchema,
  updateContainerMetadataRequestSchema,
  updateObjectMetadataRequestSchema,
} from './swift-object.dto';

const team = { team_id: z.uuid({ error: 'must be a UUID' }) };
const named = { ...team, name: containerNameSchema };
/** The user a listing is for: buckets with per-user roles that do not name them are left out (null: all). */
const viewer = { viewer_id: z.uuid().nullable().default(null) };

/** `buckets.*` RPC subjects: the bucket API (`/v1_ext`) and the Swift object API (`/v1/{account}`). */
export const BUCKET_RPC = {
  bucketCreate: {
    request: z.object({ ...team, owner_id: z.uuid().nullable(), bucket: createBucketBodySchema }),
    response: createdBucketSchema,
  },
  bucketGet: { request: z.object(named), response: bucketSchema },
  bucketList: {
    request: z.object({ ...team, ...viewer, query: listBucketsQuerySchema }),
    response: bucketListSchema,
  },
  bucketUpdate: {
    request: z.object({ ...named, acl: bucketAclInputSchema.optional(), owner_id: z.uuid().optional() }),
    response: updatedBucketSchema,
  },
  bucketDelete: { request: z.object(named), response: z.object({ deleted: z.literal(true) }) },
  corsGet: { request: z.object(named), response: corsConfigurationSchema },
  corsPut: { request: z.object({ ...named, body: putCorsBodySchema }), response: corsConfigurationSchema },
  policyList: { request: z.object(named), response: policyListSchema },
  policyCreate: { request: z.object({ ...named, policy: createPolicyBodySchema }), response: policyListSchema },
  policyDelete: {
    request: z.object({ ...named, id: z.number().int().min(1).max(2_147_483_647) }),
    response: z.object({ deleted: z.literal(true) }),
  },
  accountList: {
    request: accountListingRequestSchema.extend({ ...team, ...viewer }),
    response: accountListingSchema,
  },
  containerCreate: {
    request: createContainerRequestSchema.extend(team),
    response: z.object({ created: z.boolean() }),
  },
  /** Who may read without a token (the public ACL) and from which origins (CORS rules, Swift's CORS metadata). */
  containerAccess: {
    request: containerRefSchema.extend(team),
    response: containerAccessSchema,
  },
  /** The container's id and encryption flag, without its totals (what every upload needs). */
  containerRef: {
    request: containerRefSchema.extend(team),
    response: z.object({ id: z.uuid(), use_encryption: z.boolean() }),
  },
  containerHead: { request: containerRefSchema.extend(team), response: containerInfoSchema },
  containerList: { request: containerListingRequestSchema.extend(team), response: containerListingSchema },
  containerUpdate: { request: updateContainerMetadataRequestSchema.extend(team), response: containerInfoSchema },
  containerDelete: { request: containerRefSchema.extend(team), response: z.object({ deleted: z.literal(true) }) },
  bulkDelete: { request: bulkDeleteRequestSchema, response: bulkDeleteResultSchema },
  objectHead: { request: objectRefSchema.extend(team), response: objectRecordSchema },
  objectCommit: { request: commitObjectRequestSchema.extend(team), response: replacedObjectSchema },
  objectUpdate: { request: updateObjectMetadataRequestSchema.extend(team), response: objectRecordSchema },
  objectDelete: { request: objectRefSchema.extend(team), response: replacedObjectSchema },
} as const;
