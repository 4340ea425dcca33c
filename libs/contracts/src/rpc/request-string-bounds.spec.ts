import { z } from 'zod';
import { RPC_SCHEMAS } from './rpc-map';

type JsonSchema = {
  type?: string | string[];
  maxLength?: number;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema | JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  propertyNames?: JsonSchema;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

/** Formats whose own grammar bounds the length. */
const BOUNDED_FORMATS = new Set(['uuid', 'date-time', 'date', 'email', 'ipv4', 'ipv6']);

function unboundedStrings(schema: JsonSchema, path: string, out: string[]): void {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (
    types.includes('string') &&
    schema.maxLength === undefined &&
    schema.enum === undefined &&
    schema.const === undefined &&
    !BOUNDED_FORMATS.has(schema.format ?? '')
  )
    out.push(path || '(root)');
  for (const [name, child] of Object.entries(schema.properties ?? {})) unboundedStrings(child, `${path}.${name}`, out);
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
    unboundedStrings(schema.additionalProperties, `${path}.*`, out);
  if (schema.propertyNames) unboundedStrings(schema.propertyNames, `${path}.<key>`, out);
  const items = Array.isArray(schema.items) ? schema.items : schema.items ? [schema.items] : [];
  for (const item of items) unboundedStrings(item, `${path}[]`, out);
  for (const alt of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
    unboundedStrings(alt, path, out);
  for (const [name, def] of Object.entries(schema.$defs ?? {})) unboundedStrings(def, `$defs.${name}`, out);
}

/**
 * Issue 9, item 1: an unbounded string in a request reached the services (and their error
 * replies) at any size. Every string of every RPC request schema has a maximum length.
 */
describe('RPC request schemas', () => {
  it('bound the length of every string field', () => {
    const unbounded: string[] = [];
    for (const [subject, { request }] of Object.entries(RPC_SCHEMAS)) {
      const schema = z.toJSONSchema(request as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
      unboundedStrings(schema, subject, unbounded);
    }
    expect(unbounded).toEqual([]);
  });
});
