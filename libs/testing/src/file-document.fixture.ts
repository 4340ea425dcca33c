import { FileDocument } from '@mp/contracts';
import { randomUUID } from 'node:crypto';

const WEEK_MS = 7 * 86_400_000;

/** The fields that say which file a document is; everything else has a default. */
export type FileDocumentIdentity = Pick<FileDocument, 'team_id' | 'object_key' | 'filename' | 'created_at' | 'size'>;

/**
 * A complete file document as the files service announces it: an uploaded PNG in `inputs`,
 * expiring a week from now, with every optional field unset unless `fields` set it.
 */
export function fileDocument(fields: FileDocumentIdentity & Partial<FileDocument>): FileDocument {
  return {
    file_id: randomUUID(),
    user_id: null,
    updated_at: fields.created_at,
    expires_at: new Date(Date.now() + WEEK_MS).toISOString(),
    source: 'upload',
    source_job_id: null,
    source_model: null,
    upload_ip: null,
    content_type: 'image/png',
    extension: 'png',
    folder: 'inputs',
    checksum: null,
    category: null,
    subcategory: null,
    tags: [],
    labels: [],
    project: null,
    environment: null,
    status: 'active',
    visibility: null,
    is_processed: false,
    is_archived: false,
    width: null,
    height: null,
    duration: null,
    frame_count: null,
    sample_rate: null,
    bit_depth: null,
    prompt: null,
    negative_prompt: null,
    seed: null,
    steps: null,
    cfg_scale: null,
    model_version: null,
    retention_days: null,
    legal_hold: false,
    classification_level: null,
    metadata: {},
    ...fields,
  };
}
