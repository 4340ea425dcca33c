import { containerNameSchema, DomainError } from '@mp/contracts';

export interface DloManifest {
  container: string;
  prefix: string;
}

/** `X-Object-Manifest: {container}/{prefix}` (URL-encoded or not, as clients send it). */
export function parseManifest(value: string): DloManifest {
  let decoded = value.trim();
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // a literal `%` in a name: take the value as it is
  }
  const slash = decoded.indexOf('/');
  const container = containerNameSchema.safeParse(slash < 0 ? decoded : decoded.slice(0, slash));
  if (slash <= 0 || !container.success || decoded.length > 1300) {
    throw new DomainError('ValidationFailed', 'X-Object-Manifest must be container/prefix', {});
  }
  return { container: container.data, prefix: decoded.slice(slash + 1) };
}
