import type { DialectDefinition } from './dialect-definition';

const dialects = new Map<string, DialectDefinition>();

/** Registers a dialect (once per id) and returns it, so that a dialect module is `export const X = defineDialect({...})`. */
export function defineDialect(definition: DialectDefinition): DialectDefinition {
  const existing = dialects.get(definition.id);
  if (existing && existing !== definition) throw new Error(`Dialect "${definition.id}" is defined twice`);
  dialects.set(definition.id, definition);
  return definition;
}

export function registeredDialects(): DialectDefinition[] {
  return [...dialects.values()];
}

export function dialectById(id: string): DialectDefinition | undefined {
  return dialects.get(id);
}

/**
 * The dialect whose longest unrouted prefix covers `path` (segment-wise, repeated slashes read as
 * one: `//v1//files/x` is the storage API's), if any.
 */
export function dialectOfUnroutedPath(rawPath: string): DialectDefinition | undefined {
  const path = rawPath.replace(/\/{2,}/g, '/');
  let best: { dialect: DialectDefinition; length: number } | undefined;
  for (const dialect of dialects.values()) {
    for (const prefix of dialect.unroutedPrefixes) {
      const covers = path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
      if (covers && (!best || prefix.length > best.length)) best = { dialect, length: prefix.length };
    }
  }
  return best?.dialect;
}
