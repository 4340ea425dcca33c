/**
 * Text no field may hold: NUL (Postgres refuses it in text, C-based tools truncate at it) and UTF-16
 * surrogates without their pair (they have no UTF-8 form, so every store, log and index refuses or
 * mangles them). One rule for every dialect, checked where input enters.
 */
const UNSAFE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSAFE_TEXT_MESSAGE = 'must not contain NUL characters or unpaired UTF-16 surrogates';

export function isUnsafeText(text: string): boolean {
  return UNSAFE_TEXT.test(text);
}

/** The dotted path of the first string (value or key) in `value` that breaks the rule, or undefined. */
export function findUnsafeText(value: unknown, path: string[] = [], depth = 0): string[] | undefined {
  if (typeof value === 'string') return isUnsafeText(value) ? path : undefined;
  if (value === null || typeof value !== 'object' || depth > 64) return undefined;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    if (isUnsafeText(key)) return [...path, key];
    const found = findUnsafeText(child, [...path, key], depth + 1);
    if (found) return found;
  }
  return undefined;
}
