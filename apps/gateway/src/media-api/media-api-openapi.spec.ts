import { buildOpenApiDocument } from '../docs/openapi-document';
import { MEDIA_API_DOC } from './media-api.dialect-doc';

type Operation = Record<string, unknown> & {
  parameters: Array<Record<string, unknown>>;
  security: unknown[];
  responses: Record<string, Record<string, unknown>>;
};
type Schema = { required?: string[]; properties: Record<string, { enum?: string[] } & Record<string, unknown>> };

describe('media API OpenAPI document (seed 003)', () => {
  const media = MEDIA_API_DOC;
  const doc = buildOpenApiDocument(media, 'http://localhost') as {
    components: { securitySchemes: Record<string, unknown> };
    paths: Record<string, Record<string, Operation>>;
  };
  const jsonBody = (op: Operation, type = 'application/json') =>
    (op.requestBody as { content: Record<string, { schema: Schema }> }).content[type].schema;
  const okSchema = (op: Operation, status = '200') =>
    (op.responses[status].content as Record<string, { schema: Schema }>)['application/json'].schema;

  it('is listed among the dialect documents and uses the OAuth2 password flow of the login route', () => {
    expect(doc.components.securitySchemes.OAuth2Password).toEqual({
      type: 'oauth2',
      flows: { password: { tokenUrl: '/api/v1/login/access-token', scopes: {} } },
    });
  });

  it('documents login as an unauthenticated form post answering a bearer token', () => {
    const login = doc.paths['/api/v1/login/access-token'].post;
    expect(login.security).toEqual([]);
    expect(jsonBody(login, 'application/x-www-form-urlencoded').required).toEqual(['username', 'password']);
    expect(okSchema(login).properties.token_type).toMatchObject({ enum: ['bearer'] });
  });

  it('documents presigned-url with the allowed content types and the seed response fields', () => {
    const presign = doc.paths['/api/v1/uploads/presigned-url'].post;
    expect(presign.security).toEqual([{ OAuth2Password: [] }]);
    const body = jsonBody(presign);
    expect(body.required).toEqual(['folder', 'filename', 'content_type']);
    expect(body.properties.content_type.enum).toContain('image/webp');
    expect(Object.keys(okSchema(presign).properties)).toEqual([
      'upload_url',
      'file_url',
      'upload_method',
      'expires_in_seconds',
      'max_file_size',
    ]);
  });

  it('documents /files/{file_path} as a public 302 with the ?type= formats', () => {
    const serve = doc.paths['/files/{file_path}'].get;
    expect(serve.security).toEqual([]);
    expect(serve.responses['302']).toMatchObject({ headers: { Location: expect.any(Object) } });
    expect(serve.parameters).toEqual([
      { name: 'file_path', in: 'path', required: true, schema: expect.objectContaining({ type: 'string' }) },
      {
        name: 'type',
        in: 'query',
        required: false,
        schema: expect.objectContaining({ enum: ['webp', 'jpeg', 'png', 'avif', 'gif'] }),
      },
    ]);
  });

  it('documents every export-configuration verb for me, {user_id} and organizations/{org_id}', () => {
    for (const path of [
      '/api/v1/users/me/export-configuration',
      '/api/v1/users/{user_id}/export-configuration',
      '/api/v1/users/organizations/{org_id}/export-configuration',
    ]) {
      expect(Object.keys(doc.paths[path]).sort()).toEqual(['delete', 'get', 'patch', 'post']);
    }
    const create = doc.paths['/api/v1/users/me/export-configuration'].post;
    expect(jsonBody(create).properties.image_format).toMatchObject({
      enum: ['webp', 'jpeg', 'png', 'avif'],
      default: 'webp',
    });
    expect(jsonBody(create).properties.metadata_adapter).toMatchObject({
      enum: ['default', 'ovs'],
      default: 'default',
    });
    expect(doc.paths['/api/v1/users/{user_id}/export-configuration'].get.parameters).toEqual([
      { name: 'user_id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
    ]);
    expect(okSchema(doc.paths['/api/v1/users/me/export-configuration/effective'].get).properties.source).toMatchObject({
      enum: ['organization', 'user', 'default'],
    });
  });

  it('documents media resources and products bulk upload', () => {
    expect(jsonBody(doc.paths['/api/v1/media-resources/ingest'].post).required).toEqual([
      'entity_type',
      'entity_id',
      'urls',
    ]);
    expect(doc.paths['/api/v1/media-resources/attachments'].get.parameters.map((p) => [p.name, p.required])).toEqual([
      ['entity_type', true],
      ['entity_id', true],
    ]);
    const bulk = doc.paths['/api/v1/products/bulk-upload/'];
    expect(jsonBody(bulk.post, 'multipart/form-data').properties.file).toMatchObject({ format: 'binary' });
    expect(bulk.post.parameters.map((p) => [p.name, p.required])).toEqual([
      ['caption_products', false],
      ['skip_existing_skus', false],
      ['shooting_id', false],
    ]);
    expect(bulk.get.parameters.map((p) => p.name)).toEqual(['status', 'skip', 'limit']);
    expect(okSchema(doc.paths['/api/v1/products/bulk-upload/{task_id}'].get).required).toContain('results');
    const errors = doc.paths['/api/v1/products/bulk-upload/{task_id}/errors'].get;
    expect(errors.security).toEqual([{ OAuth2Password: [] }]);
    expect(errors.parameters).toEqual([expect.objectContaining({ name: 'task_id', in: 'path', required: true })]);
    expect(okSchema(errors).required).toEqual(['task_id', 'status', 'error_message', 'failed_products', 'errors']);
  });

  it('documents the superuser LoRA upload as a multipart post answering the stored key', () => {
    const lora = doc.paths['/api/v1/uploads/admin/upload-lora'].post;
    expect(lora.security).toEqual([{ OAuth2Password: [] }]);
    expect(jsonBody(lora, 'multipart/form-data').properties.file).toMatchObject({ format: 'binary' });
    expect(Object.keys(okSchema(lora).properties)).toEqual([
      'object_key',
      'file_url',
      'filename',
      'size',
      'content_type',
    ]);
  });
});
