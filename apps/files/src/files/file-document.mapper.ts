import { FileDocument } from '@mp/contracts';
import { FileEntity } from './file.entity';

type Metadata = Record<string, unknown>;

const str = (m: Metadata, k: string): string | null => {
  const v = m[k];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
};
const num = (m: Metadata, k: string): number | null => {
  const v = typeof m[k] === 'string' && (m[k] as string).trim() !== '' ? Number(m[k]) : m[k];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};
const int = (m: Metadata, k: string): number | null => {
  const v = num(m, k);
  return v !== null && Number.isInteger(v) ? v : null;
};
const bool = (m: Metadata, k: string): boolean | null => {
  const v = m[k];
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return null;
};
const list = (m: Metadata, k: string): string[] => {
  const v = m[k];
  if (Array.isArray(v))
    return v.filter((x): x is string | number => typeof x === 'string' || typeof x === 'number').map(String);
  if (typeof v === 'string' && v.length) return [v];
  return [];
};

/**
 * The searchable document of an active file. Well-known metadata keys (project, tags, prompt, …)
 * populate the typed fields; the client's metadata is kept whole as custom metadata.
 */
export function toFileDocument(file: FileEntity): FileDocument {
  const m = file.metadata ?? {};
  return {
    file_id: file.id,
    object_key: file.object_key,
    filename: file.filename,
    team_id: file.team_id,
    user_id: file.user_id,
    created_at: file.created_at.toISOString(),
    updated_at: file.updated_at.toISOString(),
    expires_at: file.expires_at?.toISOString() ?? null,
    source: file.source,
    source_job_id: str(m, 'source_job_id'),
    source_model: str(m, 'source_model'),
    upload_ip: file.upload_ip,
    content_type: file.content_type ?? file.declared_content_type,
    size: file.size ?? 0,
    extension: file.extension,
    folder: file.folder,
    checksum: file.checksum_md5,
    category: str(m, 'category'),
    subcategory: str(m, 'subcategory'),
    tags: list(m, 'tags'),
    labels: list(m, 'labels'),
    project: str(m, 'project'),
    environment: str(m, 'environment'),
    status: str(m, 'status') ?? file.status,
    visibility: str(m, 'visibility'),
    is_processed: bool(m, 'is_processed') ?? false,
    is_archived: bool(m, 'is_archived') ?? false,
    width: file.width ?? int(m, 'width'),
    height: file.height ?? int(m, 'height'),
    duration: num(m, 'duration'),
    frame_count: int(m, 'frame_count'),
    sample_rate: int(m, 'sample_rate'),
    bit_depth: int(m, 'bit_depth'),
    prompt: str(m, 'prompt'),
    negative_prompt: str(m, 'negative_prompt'),
    seed: int(m, 'seed'),
    steps: int(m, 'steps'),
    cfg_scale: num(m, 'cfg_scale'),
    model_version: str(m, 'model_version'),
    retention_days: int(m, 'retention_days'),
    legal_hold: bool(m, 'legal_hold') ?? false,
    classification_level: str(m, 'classification_level'),
    metadata: m,
  };
}
