import { buildOpenApiDocument } from '../docs/openapi-document';
import { STORAGE_DOC } from './storage.dialect-doc';

describe('storage OpenAPI document: file metadata update and deletion', () => {
  const storage = STORAGE_DOC;
  const doc = buildOpenApiDocument(storage, 'http://localhost') as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
  };

  it('documents PATCH /v1/files/storage/file/metadata with its body and seed response', () => {
    const patch = doc.paths['/v1/files/storage/file/metadata'].patch;
    const body = (
      patch.requestBody as {
        content: Record<string, { schema: { required: string[]; properties: Record<string, unknown> } }>;
      }
    ).content['application/json'].schema;
    expect(body.required).toEqual(['object_key', 'metadata']);
    const ok = (
      patch.responses as Record<
        string,
        { content: Record<string, { schema: { properties: Record<string, unknown> } }> }
      >
    )['200'];
    expect(Object.keys(ok.content['application/json'].schema.properties)).toEqual([
      'success',
      'object_key',
      'updated_fields',
      'updated_at',
    ]);
  });

  it('documents DELETE /v1/files/storage/file with the required object_key query parameter', () => {
    const del = doc.paths['/v1/files/storage/file'].delete;
    expect(del.parameters).toEqual([
      {
        name: 'object_key',
        in: 'query',
        required: true,
        schema: expect.objectContaining({ type: 'string', minLength: 1 }),
      },
    ]);
    expect(del.requestBody).toBeUndefined();
    const ok = (
      del.responses as Record<string, { content: Record<string, { schema: { properties: Record<string, unknown> } }> }>
    )['200'];
    expect(Object.keys(ok.content['application/json'].schema.properties)).toEqual([
      'success',
      'deleted_object_key',
      'deleted_at',
    ]);
  });
});
