import { z } from 'zod';
import {
  callbackDeliveryDetailSchema,
  callbackDeliveryPageSchema,
  callbackDeliverySchema,
  callbackSecretSchema,
  listCallbackDeliveriesQuerySchema,
} from '../dto/callbacks.dto';
import {
  deleteFileQuerySchema,
  deleteFileResultSchema,
  updateFileMetadataBodySchema,
  updateFileMetadataResultSchema,
} from '../dto/file-metadata.dto';
import { fileDistinctParamsSchema, fileDistinctResultSchema, searchSchemaResultSchema } from '../dto/file-distinct.dto';
import { fileRecordsPageRequestSchema, fileRecordsPageResponseSchema } from '../dto/file-records.dto';
import { fileSearchBodySchema, fileSearchResultSchema } from '../dto/file-search.dto';
import {
  API_KEY_KINDS,
  apiKeySummarySchema,
  createdApiKeySchema,
  createTeamBodySchema,
  createUserBodySchema,
  principalSchema,
  teamSchema,
  userSchema,
} from '../dto/tenancy.dto';
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
} from '../dto/storage-quota.dto';
import { createUploadUrlBodySchema, uploadUrlResponseSchema } from '../dto/upload-url.dto';
import { IMAGE_RPC } from '../dto/image-api.dto';
import { MEDIA_API_RPC } from '../dto/media-api.dto';
import { BULK_UPLOAD_RPC, MEDIA_RPC } from '../dto/media-resources.dto';

const id = z.uuid({ error: 'must be a UUID' });
const teamScoped = z.object({ team_id: id });

/** NATS request/reply subjects (`<app>.<entity>.<verb>`) with request and response schemas. */
export const RPC_SCHEMAS = {
  'billing.key.authenticate': {
    request: z.object({ key_hash: z.string().length(64), app_key: z.string().optional() }),
    response: principalSchema,
  },
  'billing.team.create': { request: createTeamBodySchema, response: teamSchema },
  'billing.team.get': { request: teamScoped, response: teamSchema },
  'billing.team.list': { request: z.object({}), response: z.object({ teams: z.array(teamSchema) }) },
  'billing.user.create': { request: createUserBodySchema.extend({ team_id: id }), response: userSchema },
  'billing.user.list': { request: teamScoped, response: z.object({ users: z.array(userSchema) }) },
  'billing.key.create': {
    request: z.object({
      team_id: id,
      kind: z.enum(API_KEY_KINDS),
      name: z.string().max(200).optional(),
      user_id: id.optional(),
    }),
    response: createdApiKeySchema,
  },
  'billing.key.list': { request: teamScoped, response: z.object({ keys: z.array(apiKeySummarySchema) }) },
  'billing.key.revoke': {
    request: z.object({ team_id: id, key_id: id }),
    response: apiKeySummarySchema,
  },
  'files.upload.create': {
    request: createUploadUrlBodySchema.extend({
      team_id: id,
      user_id: id.nullable(),
      upload_ip: z.string().nullable(),
    }),
    response: uploadUrlResponseSchema,
  },
  'search.files.query': {
    request: fileSearchBodySchema.extend({ team_id: id }),
    response: fileSearchResultSchema,
  },
  'search.files.distinct': {
    request: fileDistinctParamsSchema.extend({ team_id: id }),
    response: fileDistinctResultSchema,
  },
  'search.files.schema': { request: z.object({}), response: searchSchemaResultSchema },
  'files.records.page': { request: fileRecordsPageRequestSchema, response: fileRecordsPageResponseSchema },
  'files.metadata.update': {
    request: updateFileMetadataBodySchema.extend({ team_id: id }),
    response: updateFileMetadataResultSchema,
  },
  'files.file.delete': { request: deleteFileQuerySchema.extend({ team_id: id }), response: deleteFileResultSchema },
  'notifier.delivery.list': {
    request: listCallbackDeliveriesQuerySchema.extend({ team_id: id }),
    response: callbackDeliveryPageSchema,
  },
  'notifier.delivery.get': {
    request: z.object({ team_id: id, delivery_id: id }),
    response: callbackDeliveryDetailSchema,
  },
  'notifier.delivery.redeliver': {
    request: z.object({ team_id: id, delivery_id: id }),
    response: callbackDeliverySchema,
  },
  'notifier.secret.get': { request: teamScoped, response: callbackSecretSchema },
  'notifier.secret.rotate': { request: teamScoped, response: callbackSecretSchema },
  'billing.storage.reserve': { request: storageReserveRequestSchema, response: storageReservationSchema },
  'billing.storage.extend': { request: storageExtendRequestSchema, response: storageReservationSchema },
  'billing.storage.commit': { request: storageCommitRequestSchema, response: storageCommitResponseSchema },
  'billing.storage.release': { request: storageReleaseRequestSchema, response: storageReleaseResponseSchema },
  'billing.storage.free': { request: storageFreeRequestSchema, response: storageFreeResponseSchema },
  'billing.storage.usage': { request: storageUsageRequestSchema, response: storageUsageSchema },
  'billing.storage.set-limit': { request: storageSetLimitRequestSchema, response: storageUsageSchema },
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
  'billing.account.create': MEDIA_API_RPC.accountCreate,
  'billing.account.update': MEDIA_API_RPC.accountUpdate,
  'billing.account.login': MEDIA_API_RPC.accountLogin,
  'billing.account.status': MEDIA_API_RPC.accountStatus,
  'billing.organization.create': MEDIA_API_RPC.organizationCreate,
  'billing.organization.get': MEDIA_API_RPC.organizationGet,
  'billing.organization.member-add': MEDIA_API_RPC.organizationMemberAdd,
  'billing.organization.member-remove': MEDIA_API_RPC.organizationMemberRemove,
  'files.media-upload.create': MEDIA_API_RPC.uploadCreate,
  'files.export-config.get': MEDIA_API_RPC.exportConfigGet,
  'files.export-config.create': MEDIA_API_RPC.exportConfigCreate,
  'files.export-config.update': MEDIA_API_RPC.exportConfigUpdate,
  'files.export-config.delete': MEDIA_API_RPC.exportConfigDelete,
  'files.export-config.resolve': MEDIA_API_RPC.exportConfigResolve,
  'images.variant.ensure': MEDIA_API_RPC.variantEnsure,
} as const;

export type RpcSubject = keyof typeof RPC_SCHEMAS;
export type RpcRequest<S extends RpcSubject> = z.input<(typeof RPC_SCHEMAS)[S]['request']>;
export type RpcParsedRequest<S extends RpcSubject> = z.output<(typeof RPC_SCHEMAS)[S]['request']>;
export type RpcResponse<S extends RpcSubject> = z.infer<(typeof RPC_SCHEMAS)[S]['response']>;
export type RpcMap = { [S in RpcSubject]: { request: RpcRequest<S>; response: RpcResponse<S> } };
