import { FileDocument } from '@mp/contracts';
import { fileDocument } from '@mp/testing';

export const DAY_MS = 86_400_000;
export const BASE = Date.parse('2025-12-01T00:00:00.000Z');
export const at = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString();

/** A complete document of the team, created `minute` minutes after BASE, expiring in a week from now. */
export function doc(team: string, minute: number, overrides: Partial<FileDocument> = {}): FileDocument {
  const filename = overrides.filename ?? `file-${minute}.png`;
  return fileDocument({
    object_key: `aiapi/${team}/inputs/${BASE + minute * 60_000}_${filename}`,
    filename,
    team_id: team,
    created_at: at(minute),
    updated_at: at(minute),
    upload_ip: '203.0.113.7',
    size: 1000 + minute,
    ...overrides,
  });
}

/** A portrait a model rendered: the attributes both filter suites find it by. */
export const PORTRAIT_RENDER: Partial<FileDocument> = {
  tags: ['portrait', 'approved'],
  labels: ['face'],
  project: 'avatar-gen',
  source: 'prediction',
  source_model: 'flux-schnell',
  prompt: 'A professional HEADSHOT, studio light',
  seed: 12345,
  cfg_scale: 7.5,
  width: 1024,
  is_processed: true,
};

/** A draft of the portrait's project: narrower, and a larger file. */
export const PROJECT_DRAFT: Partial<FileDocument> = {
  tags: ['portrait'],
  project: 'avatar-gen',
  width: 512,
  size: 5_000_000,
};

/** A voice recording on legal hold. */
export const VOICE_RECORDING: Partial<FileDocument> = {
  filename: 'voice.wav',
  content_type: 'audio/wav',
  folder: 'voices',
  duration: 3.25,
  legal_hold: true,
  tags: ['approved'],
};
