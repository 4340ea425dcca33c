import { z } from 'zod';
import type { DialectDoc } from './dialect-doc';

const toSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' });

/** An OpenAPI 3.0 document for one dialect, built from the same schemas the routes validate with. */
export function buildOpenApiDocument(dialect: DialectDoc, serverUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of dialect.operations) {
    const pathSchema = (name: string) => {
      const schema = op.params?.shape[name] as z.ZodType | undefined;
      return schema ? toSchema(schema, 'input') : { type: 'string', format: 'uuid' };
    };
    const parameters: Record<string, unknown>[] = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: pathSchema(m[1]),
    }));
    for (const [name, schema] of Object.entries(op.query?.shape ?? {})) {
      parameters.push({
        name,
        in: 'query',
        required: !(schema as z.ZodType).safeParse(undefined).success,
        schema: toSchema(schema as z.ZodType, 'input'),
      });
    }
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      summary: op.summary,
      description: op.description,
      parameters,
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: { [op.bodyContentType ?? 'application/json']: { schema: toSchema(op.body, 'input') } },
            },
          }
        : {}),
      responses: {
        [op.status]: op.redirect
          ? {
              description: 'Redirect',
              headers: {
                Location: { description: 'Where to fetch the bytes', schema: { type: 'string', format: 'uri' } },
              },
            }
          : {
              description: 'Success',
              content: { [op.responseContentType ?? 'application/json']: { schema: toSchema(op.response, 'output') } },
            },
        '4XX': { description: 'Client error', content: { 'application/json': { example: dialect.errorExample } } },
      },
      security: op.public ? [] : [{ [dialect.security.name]: [] }],
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: dialect.title, description: dialect.description, version: '1.0.0' },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { [dialect.security.name]: dialect.security.scheme } },
    paths,
  };
}
