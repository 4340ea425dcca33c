/** What the broker asks an image provider for; every field already validated by the caller. */
export interface ProviderRequest {
  /** The provider's model id (e.g. `seedream-4-5-251128`), not the public name. */
  model: string;
  prompt: string;
  width: number;
  height: number;
  /** `disabled` → one image; `auto` → the provider decides how many, at most `maxImages`. */
  sequentialImageGeneration: 'disabled' | 'auto';
  maxImages: number;
  /** Reference images, already fetched and checked. */
  references: readonly Buffer[];
  seed?: number;
  /** Seedream's `optimize_prompt_options.mode`; omitted → the provider's default (standard). */
  optimizePromptMode?: 'standard' | 'fast';
  /** How the provider should hand its images over; the provider always returns bytes to us. */
  responseFormat: 'url' | 'b64_json';
}

export interface GeneratedImage {
  /** JPEG. */
  bytes: Buffer;
  width: number;
  height: number;
}

export interface FailedImage {
  error: { code: string; message: string };
}

export type ImageOutcome = GeneratedImage | FailedImage;

export interface ProviderUsage {
  generatedImages: number;
  outputTokens: number;
  totalTokens: number;
}

export type ProviderKind = 'ark' | 'local';

export interface ProviderResult {
  /** Which kind of provider answered; `local` makes the HTTP layer add `X-Provider: local`. */
  provider: ProviderKind;
  /** The model id the provider reports (or the one asked for). */
  model: string;
  /** In the provider's order; may hold fewer entries than asked for. */
  images: ImageOutcome[];
  usage?: ProviderUsage;
}

export interface ImageProvider {
  readonly kind: ProviderKind;
  /** Throws DomainError (RateLimited, Timeout, DependencyUnavailable, ValidationFailed) when no image can be had. */
  generate(request: ProviderRequest, signal?: AbortSignal): Promise<ProviderResult>;
}

export function isFailedImage(outcome: ImageOutcome): outcome is FailedImage {
  return 'error' in outcome;
}
