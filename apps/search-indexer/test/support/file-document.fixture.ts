import { FileDocument } from '@mp/contracts';
import { randomUUID } from 'node:crypto';

export const DAY_MS = 86_400_000;
export const BASE = Date.parse('2025-12-01T00:00:00.000Z');
export const at = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString();

/** A complete document of the team, created `minute` minutes after BASE, expiring in a week from now. */
export function doc(team: string, minute: number, overrides: Partial<FileDocument> = {}): FileDocument {
  const id = randomUUID();
  const filename = overrides.filename ?? `file-${minute}.png`;
  return {
    file_id: id,
    object_key: `aiapi/${team}/inputs/${BASE + minute * 60_000}_${filename}`,
    filename,
    team_id: team,
    user_id: null,
    created_at: at(minute),
    updated_at: at(minute),
    expires_at: new Date(Date.now() + 7 * DAY_MS).toISOString(),
    source: 'upload',
    source_job_id: null,
    source_model: null,
    upload_ip: '203.0.113.7',
    content_type: 'image/png',
    size: 1000 + minute,
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
    ...overrides,
  };
}
