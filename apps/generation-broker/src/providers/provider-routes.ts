import { ProviderKind } from './provider.types';

const KINDS: readonly ProviderKind[] = ['ark', 'local'];

/** Model name → provider; `*` is the provider of every model not listed. */
export type ProviderRoutes = Readonly<Record<string, ProviderKind>>;

/**
 * Parses `GENERATION_PROVIDERS`: a JSON object (`{"seedream-4.5":"ark"}`) or a comma-separated
 * `model=provider` list (`seedream-4.5=ark,*=local`). Throws naming the bad entry.
 */
export function parseProviderRoutes(value: string): ProviderRoutes {
  const text = value.trim();
  if (!text) return {};
  const entries: [string, unknown][] = text.startsWith('{') ? Object.entries(parseObject(text)) : listEntries(text);
  const routes: Record<string, ProviderKind> = {};
  for (const [model, kind] of entries) {
    if (!model.trim()) throw new Error('a model name is empty');
    if (!KINDS.includes(kind as ProviderKind))
      throw new Error(`"${model}" names provider ${JSON.stringify(kind)}; known providers: ${KINDS.join(', ')}`);
    if (Object.prototype.hasOwnProperty.call(routes, model.trim())) throw new Error(`"${model}" is listed twice`);
    routes[model.trim()] = kind as ProviderKind;
  }
  return routes;
}

function parseObject(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('is not valid JSON');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('must be a JSON object');
  return parsed as Record<string, unknown>;
}

function listEntries(text: string): [string, unknown][] {
  return text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)
    .map((entry) => {
      const at = entry.lastIndexOf('=');
      if (at <= 0) throw new Error(`"${entry}" is not model=provider`);
      return [entry.slice(0, at).trim(), entry.slice(at + 1).trim()];
    });
}

/** The provider a model is served by; with no routes at all every model uses `local`. */
export function providerKindFor(routes: ProviderRoutes, model: string): ProviderKind | undefined {
  if (Object.keys(routes).length === 0) return 'local';
  return Object.prototype.hasOwnProperty.call(routes, model) ? routes[model] : routes['*'];
}

export function usesProvider(routes: ProviderRoutes, kind: ProviderKind): boolean {
  return Object.values(routes).includes(kind);
}
