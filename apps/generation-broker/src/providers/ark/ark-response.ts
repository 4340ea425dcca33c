import { ProviderUsage } from '../provider.types';
import { isContentFilterCode } from './ark-error-mapping';

/** One `data[i]` of a successful Ark answer, before any download. */
export type ArkOutput =
  | { kind: 'b64'; b64: string; size: { width: number; height: number } | null }
  | { kind: 'url'; url: string; size: { width: number; height: number } | null }
  | { kind: 'error'; code: string; message: string };

export interface ArkAnswer {
  model: string | null;
  outputs: ArkOutput[];
  usage?: ProviderUsage;
}

/** Reads a 2xx body whose `data` is an array (checked by the caller). */
export function readArkAnswer(body: { data: unknown[]; model?: unknown; usage?: unknown }): ArkAnswer {
  return {
    model: typeof body.model === 'string' ? body.model : null,
    outputs: body.data.map(readOutput),
    ...usageOf(body.usage),
  };
}

function readOutput(entry: unknown): ArkOutput {
  const e = (entry ?? {}) as Record<string, unknown>;
  const size = parseSize(e.size);
  if (e.error && typeof e.error === 'object') {
    const err = e.error as Record<string, unknown>;
    const code = typeof err.code === 'string' ? err.code : 'GenerationFailed';
    const message = typeof err.message === 'string' ? err.message : 'The provider could not generate this image';
    return { kind: 'error', code: isContentFilterCode(code) ? 'ContentFilter' : code, message };
  }
  if (typeof e.b64_json === 'string') return { kind: 'b64', b64: e.b64_json, size };
  if (typeof e.url === 'string') return { kind: 'url', url: e.url, size };
  return { kind: 'error', code: 'GenerationFailed', message: 'The provider returned an entry without an image' };
}

export function parseSize(value: unknown): { width: number; height: number } | null {
  const m = typeof value === 'string' ? /^(\d{1,5})x(\d{1,5})$/.exec(value) : null;
  return m ? { width: Number(m[1]), height: Number(m[2]) } : null;
}

function usageOf(value: unknown): { usage?: ProviderUsage } {
  const u = (value ?? null) as Record<string, unknown> | null;
  if (!u || typeof u.generated_images !== 'number') return {};
  const outputTokens = typeof u.output_tokens === 'number' ? u.output_tokens : 0;
  return {
    usage: {
      generatedImages: u.generated_images,
      outputTokens,
      totalTokens: typeof u.total_tokens === 'number' ? u.total_tokens : outputTokens,
    },
  };
}
