import { z } from 'zod';
import {
  callbackDeliveryDetailSchema,
  callbackDeliveryPageSchema,
  callbackDeliverySchema,
  callbackSecretSchema,
  listCallbackDeliveriesQuerySchema,
} from '../notifier/callbacks.dto';
import {
  deleteFileQuerySchema,
  deleteFileResultSchema,
  updateFileMetadataBodySchema,
  updateFileMetadataResultSchema,
} from '../files/file-metadata.dto';
import {
  fileDistinctParamsSchema,
  fileDistinctResultSchema,
  searchSchemaResultSchema,
} from '../search/file-distinct.dto';
import { fileRecordsPageRequestSchema, fileRecordsPageResponseSchema } from '../files/file-records.dto';
import { fileSearchBodySchema, fileSearchResultSchema } from '../search/file-search.dto';
import {
  API_KEY_KINDS,
  apiKeySummarySchema,
  createdApiKeySchema,
  createTeamBodySchema,
  createUserBodySchema,
  principalSchema,
  teamSchema,
  userSchema,
} from '../quota-billing/tenancy.dto';
import {
  storageCommitRequestSchema,
  storageCommitResponseSchema,
  storageExtendRequestSchema,
  storageFreeRequestSchema,
  storageFreeResponseSchema,
  storageReleaseRequestSchema,
  storageReleaseResponseSchema,
  storageReservationSchema,
  storageReserveRequestSchema,
  storageSetLimitRequestSchema,
  storageUsageRequestSchema,
  storageUsageSchema,
} from '../quota-billing/storage-quota.dto';
import {
  aiImageLogsPageSchema,
  aiImageUsageSchema,
  imagesGalleryRequestSchema,
  imagesLogsRequestSchema,
  imagesReservationSchema,
  imagesReserveRequestSchema,
  imagesSettlementSchema,
  imagesSettleRequestSchema,
  storedGalleryPageSchema,
} from '../quota-billing/ai-image-usage.dto';
import { updateAiImageKeyBodySchema } from '../quota-billing/ai-image-key.dto';
import { createUploadUrlBodySchema, uploadUrlResponseSchema } from '../files/upload-url.dto';
import { generateImagesRequestSchema, generateImagesResponseSchema } from '../generation/generation-rpc.dto';
import { PREDICTION_RPC } from '../generation/predictions.dto';
import { IMAGE_RPC } from '../image-ops/image-rpc';
import { MEDIA_VARIANT_RPC } from '../image-ops/media-variants.dto';
import { BULK_UPLOAD_RPC } from '../files/bulk-upload.dto';
import { EXPORT_CONFIG_RPC } from '../files/export-config.dto';
import { MEDIA_RPC } from '../files/media-attachments.dto';
import { MEDIA_UPLOAD_RPC } from '../files/media-uploads.dto';
import { MEDIA_ACCOUNT_RPC } from '../quota-billing/media-accounts.dto';
import { S3_CREDENTIALS_RPC } from '../quota-billing/s3-credentials.dto';
import { BUCKET_RPC } from '../buckets/bucket-rpc';
import { keyScoped, uuidField, teamScoped } from './scoped-ids';

/** NATS request/reply subjects (`<app>.<entity>.<verb>`) with request and response schemas. */
export const RPC_SCHEMAS = {
  'billing.key.authenticate': {
    request: z.object({ key_hash: z.string().length(64), app_key: z.string().max(100).optional() }),
    response: principalSchema,
  },
  'billing.team.create': { request: createTeamBodySchema, response: teamSchema },
  'billing.team.get': { request: z.object(teamScoped), response: teamSchema },
  'billing.team.list': { request: z.object({}), response: z.object({ teams: z.array(teamSchema) }) },
  'billing.user.create': { request: createUserBodySchema.extend(teamScoped), response: userSchema },
  'billing.user.list': { request: z.object(teamScoped), response: z.object({ users: z.array(userSchema) }) },
  'billing.key.create': {
    request: z.object({
      team_id: uuidField,
      kind: z.enum(API_KEY_KINDS),
      name: z.string().max(200).optional(),
      user_id: uuidField.optional(),
    }),
    response: createdApiKeySchema,
  },
  'billing.key.list': { request: z.object(teamScoped), response: z.object({ keys: z.array(apiKeySummarySchema) }) },
  'billing.key.revoke': {
    request: z.object(keyScoped),
    response: apiKeySummarySchema,
  },
  'billing.key.update': {
    request: updateAiImageKeyBodySchema.safeExtend(keyScoped),
    response: apiKeySummarySchema,
  },
  'billing.images.reserve': { request: imagesReserveRequestSchema, response: imagesReservationSchema },
  'billing.images.settle': { request: imagesSettleRequestSchema, response: imagesSettlementSchema },
  'billing.images.usage': { request: z.object(keyScoped), response: aiImageUsageSchema },
  'billing.images.logs': { request: imagesLogsRequestSchema, response: aiImageLogsPageSchema },
  'billing.images.gallery': { request: imagesGalleryRequestSchema, response: storedGalleryPageSchema },
  'files.upload.create': {
    request: createUploadUrlBodySchema.extend({
      team_id: uuidField,
      user_id: uuidField.nullable(),
      upload_ip: z.string().max(64).nullable(),
    }),
    response: uploadUrlResponseSchema,
  },
  'search.files.query': {
    request: fileSearchBodySchema.extend(teamScoped),
    response: fileSearchResultSchema,
  },
  'search.files.distinct': {
    request: fileDistinctParamsSchema.extend(teamScoped),
    response: fileDistinctResultSchema,
  },
  'search.files.schema': { request: z.object({}), response: searchSchemaResultSchema },
  'files.records.page': { request: fileRecordsPageRequestSchema, response: fileRecordsPageResponseSchema },
  'files.metadata.update': {
    request: updateFileMetadataBodySchema.extend(teamScoped),
    response: updateFileMetadataResultSchema,
  },
  'files.file.delete': { request: deleteFileQuerySchema.extend(teamScoped), response: deleteFileResultSchema },
  'notifier.delivery.list': {
    request: listCallbackDeliveriesQuerySchema.extend(teamScoped),
    response: callbackDeliveryPageSchema,
  },
  'notifier.delivery.get': {
    request: z.object({ ...teamScoped, delivery_id: uuidField }),
    response: callbackDeliveryDetailSchema,
  },
  'notifier.delivery.redeliver': {
    request: z.object({ ...teamScoped, delivery_id: uuidField }),
    response: callbackDeliverySchema,
  },
  'notifier.secret.get': { request: z.object(teamScoped), response: callbackSecretSchema },
  'notifier.secret.rotate': { request: z.object(teamScoped), response: callbackSecretSchema },
  'billing.storage.reserve': { request: storageReserveRequestSchema, response: storageReservationSchema },
  'billing.storage.extend': { request: storageExtendRequestSchema, response: storageReservationSchema },
  'billing.storage.commit': { request: storageCommitRequestSchema, response: storageCommitResponseSchema },
  'billing.storage.release': { request: storageReleaseRequestSchema, response: storageReleaseResponseSchema },
  'billing.storage.free': { request: storageFreeRequestSchema, response: storageFreeResponseSchema },
  'billing.storage.usage': { request: storageUsageRequestSchema, response: storageUsageSchema },
  'billing.storage.set-limit': { request: storageSetLimitRequestSchema, response: storageUsageSchema },
  'billing.s3-credentials.get': S3_CREDENTIALS_RPC.get,
  'billing.s3-credentials.rotate': S3_CREDENTIALS_RPC.rotate,
  'billing.s3-credentials.resolve': S3_CREDENTIALS_RPC.resolve,
  'generation.images.generate': { request: generateImagesRequestSchema, response: generateImagesResponseSchema },
  'generation.prediction.create': PREDICTION_RPC.create,
  'generation.prediction.get': PREDICTION_RPC.get,
  'generation.prediction.cancel': PREDICTION_RPC.cancel,
  'images.folder.create': IMAGE_RPC.folderCreate,
  'images.folder.list': IMAGE_RPC.folderList,
  'images.folder.properties': IMAGE_RPC.folderProperties,
  'images.file.register': IMAGE_RPC.fileRegister,
  'images.files.register': IMAGE_RPC.filesRegister,
  'images.operation.put': IMAGE_RPC.operationPut,
  'images.operation.get': IMAGE_RPC.operationGet,
  'images.operation.list': IMAGE_RPC.operationList,
  'images.operation.delete': IMAGE_RPC.operationDelete,
  'images.operations.exec': IMAGE_RPC.operationsExec,
  'images.queue.get': IMAGE_RPC.queueGet,
  'files.media-resource.ingest': MEDIA_RPC.ingest,
  'files.media-attachment.list': MEDIA_RPC.list,
  'files.media-attachment.detach': MEDIA_RPC.detach,
  'files.bulk-upload.create': BULK_UPLOAD_RPC.create,
  'files.bulk-upload.list': BULK_UPLOAD_RPC.list,
  'files.bulk-upload.get': BULK_UPLOAD_RPC.get,
  'images.delete.sync': IMAGE_RPC.deleteSync,
  'images.delete.async': IMAGE_RPC.deleteAsync,
  'images.user.get': IMAGE_RPC.userGet,
  'images.user.put': IMAGE_RPC.userPut,
  'images.public.resolve': IMAGE_RPC.publicResolve,
  'billing.account.create': MEDIA_ACCOUNT_RPC.accountCreate,
  'billing.account.update': MEDIA_ACCOUNT_RPC.accountUpdate,
  'billing.account.login': MEDIA_ACCOUNT_RPC.accountLogin,
  'billing.account.status': MEDIA_ACCOUNT_RPC.accountStatus,
  'billing.organization.create': MEDIA_ACCOUNT_RPC.organizationCreate,
  'billing.organization.get': MEDIA_ACCOUNT_RPC.organizationGet,
  'billing.organization.member-add': MEDIA_ACCOUNT_RPC.organizationMemberAdd,
  'billing.organization.member-remove': MEDIA_ACCOUNT_RPC.organizationMemberRemove,
  'files.media-upload.create': MEDIA_UPLOAD_RPC.uploadCreate,
  'files.export-config.get': EXPORT_CONFIG_RPC.exportConfigGet,
  'files.export-config.create': EXPORT_CONFIG_RPC.exportConfigCreate,
  'files.export-config.update': EXPORT_CONFIG_RPC.exportConfigUpdate,
  'files.export-config.delete': EXPORT_CONFIG_RPC.exportConfigDelete,
  'files.export-config.resolve': EXPORT_CONFIG_RPC.exportConfigResolve,
  'images.variant.ensure': MEDIA_VARIANT_RPC.variantEnsure,
  'buckets.bucket.create': BUCKET_RPC.bucketCreate,
  'buckets.bucket.get': BUCKET_RPC.bucketGet,
  'buckets.bucket.list': BUCKET_RPC.bucketList,
  'buckets.bucket.update': BUCKET_RPC.bucketUpdate,
  'buckets.bucket.delete': BUCKET_RPC.bucketDelete,
  'buckets.cors.get': BUCKET_RPC.corsGet,
  'buckets.cors.put': BUCKET_RPC.corsPut,
  'buckets.policy.list': BUCKET_RPC.policyList,
  'buckets.policy.create': BUCKET_RPC.policyCreate,
  'buckets.policy.delete': BUCKET_RPC.policyDelete,
  'buckets.account.list': BUCKET_RPC.accountList,
  'buckets.container.create': BUCKET_RPC.containerCreate,
  'buckets.container.access': BUCKET_RPC.containerAccess,
  'buckets.container.head': BUCKET_RPC.containerHead,
  'buckets.container.ref': BUCKET_RPC.containerRef,
  'buckets.container.list': BUCKET_RPC.containerList,
  'buckets.container.update': BUCKET_RPC.containerUpdate,
  'buckets.container.delete': BUCKET_RPC.containerDelete,
  'buckets.bulk.delete': BUCKET_RPC.bulkDelete,
  'buckets.object.head': BUCKET_RPC.objectHead,
  'buckets.object.commit': BUCKET_RPC.objectCommit,
  'buckets.object.update': BUCKET_RPC.objectUpdate,
  'buckets.object.delete': BUCKET_RPC.objectDelete,
} as const;

export type RpcSubject = keyof typeof RPC_SCHEMAS;
export type RpcRequest<S extends RpcSubject> = z.input<(typeof RPC_SCHEMAS)[S]['request']>;
export type RpcParsedRequest<S extends RpcSubject> = z.output<(typeof RPC_SCHEMAS)[S]['request']>;
export type RpcResponse<S extends RpcSubject> = z.infer<(typeof RPC_SCHEMAS)[S]['response']>;
export type RpcMap = { [S in RpcSubject]: { request: RpcRequest<S>; response: RpcResponse<S> } };
