import { z } from 'zod';
import { uuidField } from '../rpc/scoped-ids';

/** Seed 003 (FastAPI-style media API): export configuration, kept by files. */

export const EXPORT_IMAGE_FORMATS = ['webp', 'jpeg', 'png', 'avif'] as const;
export type ExportImageFormat = (typeof EXPORT_IMAGE_FORMATS)[number];
export const METADATA_ADAPTERS = ['default', 'ovs'] as const;
export type MetadataAdapter = (typeof METADATA_ADAPTERS)[number];

const imageFormat = z.enum(EXPORT_IMAGE_FORMATS, {
  error: `image_format must be one of ${EXPORT_IMAGE_FORMATS.join(', ')}`,
});
const metadataAdapter = z.enum(METADATA_ADAPTERS, {
  error: `metadata_adapter must be one of ${METADATA_ADAPTERS.join(', ')}`,
});

export const exportConfigurationCreateSchema = z.object({
  metadata_adapter: metadataAdapter.default('default'),
  image_format: imageFormat.default('webp'),
});
export type ExportConfigurationCreate = z.infer<typeof exportConfigurationCreateSchema>;

export const exportConfigurationUpdateSchema = z.object({
  metadata_adapter: metadataAdapter.nullish(),
  image_format: imageFormat.nullish(),
});
export type ExportConfigurationUpdate = z.infer<typeof exportConfigurationUpdateSchema>;

/** `GET …/me/export-configuration/effective?organization_id=` (our addition: the resolution organisation → user → default). */
export const effectiveExportConfigurationQuerySchema = z.object({
  organization_id: z.uuid({ error: 'Input should be a valid UUID' }).optional(),
});

export const exportConfigurationSchema = z.object({
  id: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  user_id: z.string(),
  organization_id: z.string().nullable(),
  metadata_adapter: z.enum(METADATA_ADAPTERS),
  image_format: z.enum(EXPORT_IMAGE_FORMATS),
});
export type ExportConfiguration = z.infer<typeof exportConfigurationSchema>;

export const effectiveExportConfigurationSchema = z.object({
  image_format: z.enum(EXPORT_IMAGE_FORMATS),
  metadata_adapter: z.enum(METADATA_ADAPTERS),
  source: z.enum(['organization', 'user', 'default']),
  organization_id: z.string().nullable(),
  configuration_id: z.string().nullable(),
});
export type EffectiveExportConfiguration = z.infer<typeof effectiveExportConfigurationSchema>;

/** Whose configuration: a user's personal one, or an organisation's (then `user_id` is the creator). */
const exportOwner = z.object({ team_id: uuidField, user_id: uuidField, organization_id: uuidField.nullable() });

export const EXPORT_CONFIG_RPC = {
  exportConfigGet: { request: exportOwner, response: exportConfigurationSchema },
  exportConfigCreate: {
    request: exportOwner.extend(exportConfigurationCreateSchema.shape),
    response: exportConfigurationSchema,
  },
  exportConfigUpdate: {
    request: exportOwner.extend(exportConfigurationUpdateSchema.shape),
    response: exportConfigurationSchema,
  },
  exportConfigDelete: { request: exportOwner, response: z.object({ deleted: z.literal(true) }) },
  exportConfigResolve: {
    request: z.object({ team_id: uuidField, user_id: uuidField, organization_ids: z.array(uuidField).max(1000) }),
    response: effectiveExportConfigurationSchema,
  },
} as const;
