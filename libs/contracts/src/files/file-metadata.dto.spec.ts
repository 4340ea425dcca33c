import {
  METADATA_KEY_MAX_LENGTH,
  metadataIssues,
  metadataKeyProblem,
  updateFileMetadataBodySchema,
  uploadMetadataSchema,
  WELL_KNOWN_METADATA,
} from './file-metadata.dto';
import { createUploadUrlBodySchema } from './upload-url.dto';

const messagesOf = (result: {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
}) => (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('metadataKeyProblem', () => {
  it.each(['reviewer', 'a.b', '프로젝트', 'emoji 😀', 'k'.repeat(METADATA_KEY_MAX_LENGTH)])('accepts %j', (key) =>
    expect(metadataKeyProblem(key)).toBeUndefined(),
  );

  it.each([
    ['', 'must be 1 to 256 characters long'],
    ['k'.repeat(METADATA_KEY_MAX_LENGTH + 1), 'must be 1 to 256 characters long'],
    ['a\u0000b', 'must not contain control characters'],
    ['line\nbreak', 'must not contain control characters'],
    ['del\u007f', 'must not contain control characters'],
    ['c1\u009f', 'must not contain control characters'],
    ['\ud83d', 'must not contain unpaired surrogates'],
    ['x\ude00y', 'must not contain unpaired surrogates'],
    ['\ude00\ud83d', 'must not contain unpaired surrogates'],
  ])('refuses %j', (key, problem) => expect(metadataKeyProblem(key)).toBe(problem));
});

describe('metadataIssues', () => {
  it('accepts custom keys of any JSON type and well-known keys of the right type', () => {
    const metadata = {
      description: '프로젝트 데이터',
      version: '1.0',
      nested: { a: [1, 2] },
      project: 'avatar-gen',
      tags: ['dataset', 'training'],
      seed: 12345,
      steps: 28,
      cfg_scale: 7.5,
      duration: 2.5,
      legal_hold: false,
      retention_days: 3,
      width: 0,
      prompt: 'A professional headshot',
    };
    expect(metadataIssues(metadata, 'upload')).toEqual([]);
    expect(metadataIssues(metadata, 'update')).toEqual([]);
  });

  it('names each well-known key of the wrong type', () => {
    expect(
      metadataIssues(
        {
          tags: 'portrait',
          seed: 1.5,
          steps: -1,
          cfg_scale: '7.5',
          legal_hold: 'yes',
          project: 3,
          retention_days: 0,
          labels: ['a', 2],
          duration: -1,
        },
        'update',
      ),
    ).toEqual([
      { key: 'tags', message: 'must be an array of strings' },
      { key: 'seed', message: 'must be an integer' },
      { key: 'steps', message: 'must be an integer >= 0' },
      { key: 'cfg_scale', message: 'must be a number' },
      { key: 'legal_hold', message: 'must be true or false' },
      { key: 'project', message: 'must be a string' },
      { key: 'retention_days', message: 'must be a whole number of days >= 1' },
      { key: 'labels', message: 'must be an array of strings' },
      { key: 'duration', message: 'must be a number >= 0' },
    ]);
  });

  it('allows null for well-known keys (unset)', () => {
    expect(metadataIssues({ project: null, tags: null }, 'update')).toEqual([]);
  });

  it('refuses system fields, allowing only source "upload" at upload time', () => {
    expect(metadataIssues({ source: 'upload' }, 'upload')).toEqual([]);
    expect(metadataIssues({ source: 'prediction' }, 'upload')).toEqual([
      { key: 'source', message: expect.stringContaining('"upload"') },
    ]);
    expect(metadataIssues({ source: 'upload', file_id: 'x', size: 1 }, 'update').map((i) => i.key)).toEqual([
      'source',
      'file_id',
      'size',
    ]);
    expect(
      metadataIssues(
        { team_id: 'x', created_at: 'now', checksum: 'x', content_type: 'x', object_key: 'x', user_id: 'x' },
        'upload',
      ).map((i) => i.message),
    ).toEqual(Array(6).fill('is a system field and cannot be set'));
  });

  it('never treats a system field as well-known', () => {
    expect(Object.keys(WELL_KNOWN_METADATA)).not.toContain('file_id');
    expect(Object.keys(WELL_KNOWN_METADATA)).not.toContain('size');
  });
});

describe('uploadMetadataSchema', () => {
  it('accepts the seed upload examples', () => {
    expect(
      uploadMetadataSchema.safeParse({ description: '프로젝트 데이터', tags: ['dataset', 'training'], version: '1.0' })
        .success,
    ).toBe(true);
    expect(
      uploadMetadataSchema.safeParse({ project: 'default', source: 'upload', original_filename: 'photo.jpg' }).success,
    ).toBe(true);
  });

  it('reports the offending key under metadata in the upload body', () => {
    const result = createUploadUrlBodySchema.safeParse({ filename: 'a.png', metadata: { seed: 'abc' } });
    expect(messagesOf(result)).toEqual(['metadata.seed: must be an integer']);
  });

  it('limits the serialized size to 10 KB', () => {
    expect(uploadMetadataSchema.safeParse({ blob: 'x'.repeat(10 * 1024 - 12) }).success).toBe(true);
    expect(messagesOf(uploadMetadataSchema.safeParse({ blob: 'x'.repeat(10 * 1024) }))).toEqual([
      ': metadata must be at most 10 KB when serialized',
    ]);
  });
});

describe('updateFileMetadataBodySchema', () => {
  it('accepts the seed PATCH body', () => {
    const body = {
      object_key: 'aiapi/team123/inputs/1734175200000_photo.png',
      metadata: { tags: ['portrait', 'approved'], status: 'reviewed', reviewer: 'user@example.com' },
    };
    expect(updateFileMetadataBodySchema.parse(body)).toEqual(body);
  });

  it('requires object_key and a non-empty metadata object', () => {
    expect(messagesOf(updateFileMetadataBodySchema.safeParse({ metadata: { a: 1 } }))).toEqual([
      'object_key: object_key is required (a string)',
    ]);
    expect(messagesOf(updateFileMetadataBodySchema.safeParse({ object_key: 'k', metadata: {} }))).toEqual([
      'metadata: metadata must contain at least one field to update',
    ]);
    expect(messagesOf(updateFileMetadataBodySchema.safeParse({ object_key: 'k' }))[0]).toMatch(/^metadata: /);
  });

  it('names the system fields it refuses', () => {
    expect(
      messagesOf(
        updateFileMetadataBodySchema.safeParse({
          object_key: 'k',
          metadata: { file_id: 'x', team_id: 'y', note: 'ok' },
        }),
      ),
    ).toEqual([
      'metadata.file_id: is a system field and cannot be set',
      'metadata.team_id: is a system field and cannot be set',
    ]);
  });
});
