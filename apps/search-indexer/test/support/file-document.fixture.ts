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
