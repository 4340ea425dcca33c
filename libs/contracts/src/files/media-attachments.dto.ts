import { z } from 'zod';
import { uuidField } from '../rpc/scoped-ids';

/** What a media resource can be attached to: `product`, `shooting`, … (lowercase identifier). */
export const entityTypeSchema = z
  .string({ error: 'entity_type must be a string' })
  .max(63, 'entity_type must be a lowercase identifier (a-z, 0-9, _), at most 63 characters')
  .regex(/^[a-z][a-z0-9_]{0,62}$/, 'entity_type must be a lowercase identifier (a-z, 0-9, _), at most 63 characters');

export const entityIdSchema = z
  .string({ error: 'entity_id must be a string' })
  .min(1, 'entity_id must not be empty')
  .max(200, 'entity_id must be at most 200 characters');

export const MEDIA_INGEST_MAX_URLS = 50;

/** Body of `POST /api/v1/media-resources/ingest`: temp file URLs (or `temp/…` keys) for one entity. */
export const ingestMediaBodySchema = z.object({
  entity_type: entityTypeSchema,
  entity_id: entityIdSchema,
  urls: z
    .array(z.string({ error: 'urls must contain strings' }).min(1, 'urls must not contain empty strings').max(2048), {
      error: 'urls must be an array of strings',
    })
    .min(1, 'urls must not be empty')
    .max(MEDIA_INGEST_MAX_URLS, `urls must have at most ${MEDIA_INGEST_MAX_URLS} entries`),
});
export type IngestMediaBody = z.infer<typeof ingestMediaBodySchema>;

/** A resource linked to an entity, with its canonical URL `{CDN_URL}/media/{resource_id}/file.{ext}`. */
export const mediaAttachmentSchema = z.object({
  id: z.string(),
  resource_id: z.string(),
  entity_type: z.string(),
  entity_id: z.string(),
  position: z.number().int(),
  url: z.string(),
  object_key: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  content_type: z.string().nullable(),
  created_at: z.string(),
});
export type MediaAttachment = z.infer<typeof mediaAttachmentSchema>;

export const ingestMediaResultSchema = z.object({
  attachments: z.array(mediaAttachmentSchema.extend({ source_url: z.string(), deduplicated: z.boolean() })),
});
export type IngestMediaResult = z.infer<typeof ingestMediaResultSchema>;

export const listMediaAttachmentsQuerySchema = z.object({ entity_type: entityTypeSchema, entity_id: entityIdSchema });
export const mediaAttachmentListSchema = z.object({ attachments: z.array(mediaAttachmentSchema) });
export type MediaAttachmentList = z.infer<typeof mediaAttachmentListSchema>;

export const detachMediaResultSchema = z.object({ id: z.string(), resource_id: z.string(), detached: z.literal(true) });
export type DetachMediaResult = z.infer<typeof detachMediaResultSchema>;

/** The caller of every media RPC: the team owns every row and object; the user is the owner of tasks. */
export const mediaCallerSchema = z.object({ team_id: uuidField, user_id: uuidField.nullable() });

export const MEDIA_RPC = {
  ingest: { request: ingestMediaBodySchema.extend(mediaCallerSchema.shape), response: ingestMediaResultSchema },
  list: {
    request: listMediaAttachmentsQuerySchema.extend({ team_id: uuidField }),
    response: mediaAttachmentListSchema,
  },
  detach: { request: z.object({ team_id: uuidField, attachment_id: uuidField }), response: detachMediaResultSchema },
} as const;
