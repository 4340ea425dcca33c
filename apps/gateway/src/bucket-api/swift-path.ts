import { containerNameSchema, DomainError, objectNameSchema } from '@mp/contracts';
import { validationError } from '@mp/platform';
import type { FastifyRequest } from 'fastify';

/** What `/v1/{account}/{rest}` names: the account itself, a container, or an object in one. */
export type SwiftTarget =
  | { level: 'account' }
  | { level: 'container'; container: string }
  | { level: 'object'; container: string; object: string };

/** Splits the (decoded) wildcard of `/v1/{account}/*` at its first `/` and validates the names. */
export function swiftTarget(request: FastifyRequest): SwiftTarget {
  const rest = (request.params as Record<string, string | undefined>)['*'] ?? '';
  if (rest === '') return { level: 'account' };
  const slash = rest.indexOf('/');
  const container = parseName(containerNameSchema, slash < 0 ? rest : rest.slice(0, slash));
  const object = slash < 0 ? '' : rest.slice(slash + 1);
  if (object === '') return { level: 'container', container };
  return { level: 'object', container, object: parseName(objectNameSchema, object) };
}

/** `container/object` of `X-Copy-From` (leading `/` optional, percent-encoded as in a path). */
export function copySource(header: string): { container: string; object: string } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(header.trim().replace(/^\/+/, ''));
  } catch {
    throw new DomainError('ValidationFailed', 'X-Copy-From is not a valid path', {});
  }
  const slash = decoded.indexOf('/');
  if (slash <= 0 || slash === decoded.length - 1) {
    throw new DomainError('ValidationFailed', 'X-Copy-From must be container/object', {});
  }
  return {
    container: parseName(containerNameSchema, decoded.slice(0, slash)),
    object: parseName(objectNameSchema, decoded.slice(slash + 1)),
  };
}

function parseName(schema: typeof containerNameSchema | typeof objectNameSchema, value: string): string {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}
