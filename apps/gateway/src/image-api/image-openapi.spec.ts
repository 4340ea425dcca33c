import { buildOpenApiDocument } from '../docs/openapi-document';
import { IMAGE_DOC } from './image.dialect-doc';

type Doc = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters: Array<{ name: string; in: string; required: boolean }>;
        requestBody?: unknown;
        responses: Record<string, unknown>;
      }
    >
  >;
};

describe('image API OpenAPI document (served at /docs/image.json)', () => {
  const image = IMAGE_DOC;
  const doc = buildOpenApiDocument(image, 'http://localhost') as Doc;
  const p = (path: string) => `/image/v2.0/appkeys/{appKey}${path}`;

  it('documents every endpoint of seed 001', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(
      [
        'POST /folders',
        'GET /folders',
        'GET /properties',
        'PUT /images',
        'POST /images',
        'DELETE /images/sync',
        'DELETE /images/async',
        'PUT /operations/{operationId}',
        'GET /operations',
        'GET /operations/{operationId}',
        'DELETE /operations/{operationId}',
        'POST /operations-exec',
        'GET /users',
        'PUT /users',
        'GET /queues/{queueId}',
      ]
        .map((e) => e.replace(' /', ` ${p('/')}`))
        .sort(),
    );
    expect(() => JSON.stringify(doc)).not.toThrow();
  });

  it('documents the delete parameters and the header of every answer', () => {
    const del = doc.paths[p('/images/sync')].delete;
    expect(del.parameters.map((x) => [x.name, x.in, x.required])).toEqual([
      ['appKey', 'path', true],
      ['folderId', 'query', false],
      ['fileId', 'query', false],
      ['includeThumbnail', 'query', false],
    ]);
    const ok = doc.paths[p('/users')].get.responses['200'] as {
      content: Record<string, { schema: { properties: Record<string, unknown> } }>;
    };
    expect(Object.keys(ok.content['application/json'].schema.properties)).toEqual(['header', 'user']);
  });
});
