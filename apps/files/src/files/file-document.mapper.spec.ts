import { fileDocumentSchema } from '@mp/contracts';
import { toFileDocument } from './file-document.mapper';
import { FileEntity } from './file.entity';

function activeFile(metadata: Record<string, unknown>): FileEntity {
  return Object.assign(new FileEntity(), {
    id: '5b1f6a52-6f6c-4d2b-9d64-0d8e2b1b8e01',
    team_id: '8d7b8a2e-0b7c-4c53-a2a8-6a7d1a3e9f10',
    user_id: null,
    object_key: 'aiapi/8d7b8a2e-0b7c-4c53-a2a8-6a7d1a3e9f10/inputs/1765720407215_photo.png',
    filename: 'photo.png',
    folder: 'inputs',
    extension: 'png',
    declared_content_type: 'image/png',
    content_type: 'image/png',
    size: 1048576,
    checksum_md5: 'd41d8cd98f00b204e9800998ecf8427e',
    checksum_sha256: null,
    etag: null,
    width: 64,
    height: 48,
    status: 'active',
    rejection_reason: null,
    source: 'upload',
    upload_ip: '127.0.0.1',
    metadata,
    max_bytes: 52428800,
    upload_expires_at: new Date('2025-12-21T10:00:00.000Z'),
    last_checked_at: null,
    activated_at: new Date('2025-12-14T10:00:01.000Z'),
    expires_at: new Date('2025-12-21T10:00:01.000Z'),
    created_at: new Date('2025-12-14T10:00:00.000Z'),
    updated_at: new Date('2025-12-14T10:00:01.000Z'),
  });
}

describe('toFileDocument', () => {
  it('fills indexed fields from well-known metadata and keeps all metadata as custom', () => {
    const wellKnown = {
      project: 'avatar-gen',
      category: 'portraits',
      tags: ['portrait', 'approved'],
      source_model: 'flux-schnell',
      prompt: 'A professional headshot',
      seed: 12345,
      steps: 28,
      cfg_scale: 7.5,
      legal_hold: true,
      retention_days: 3,
    };
    const metadata = { ...wellKnown, assigned_to: 'reviewer@company.com' };
    const doc = toFileDocument(activeFile(metadata));
    expect(fileDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc).toMatchObject({
      ...wellKnown,
      labels: [],
      source: 'upload',
      status: 'active',
      width: 64,
      height: 48,
      size: 1048576,
      checksum: 'd41d8cd98f00b204e9800998ecf8427e',
      expires_at: '2025-12-21T10:00:01.000Z',
      metadata,
    });
  });

  it('lets a workflow status in metadata override the record status', () => {
    expect(toFileDocument(activeFile({ status: 'reviewed' })).status).toBe('reviewed');
  });

  it('leaves unknown fields null and flags false', () => {
    const doc = toFileDocument(activeFile({}));
    expect(doc).toMatchObject({
      project: null,
      prompt: null,
      seed: null,
      duration: null,
      legal_hold: false,
      is_processed: false,
      is_archived: false,
      tags: [],
    });
  });
});
