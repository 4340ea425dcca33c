import { baseConfigSchema, storageConfigSchema } from '@mp/platform';
import { outboundConfigSchema } from '@mp/outbound';
import { z } from 'zod';
import { parseProviderRoutes, ProviderRoutes, usesProvider } from './providers/provider-routes';
import { Secret } from './providers/secret';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const generationBrokerConfigSchema = z
  .object({
    ...baseConfigSchema.shape,
    ...storageConfigSchema.shape,
    HTTP_PORT: int(0, 65535).default(8084),
    /** Which provider serves which model; unset → every model uses the embedded `local` provider. */
    GENERATION_PROVIDERS: z
      .string()
      .default('')
      .transform((value, ctx): ProviderRoutes => {
        try {
          return parseProviderRoutes(value);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: (err as Error).message });
          return z.NEVER;
        }
      }),
    /** Deadline of one generation request in the broker (provider calls and fallback included); the seed's 120 s. */
    GENERATION_TIMEOUT_MS: int(1_000, 600_000).default(120_000),
    /** Deadline of the download of one reference-image URL. */
    REFERENCE_FETCH_TIMEOUT_MS: int(500, 120_000).default(15_000),
    /** Predictions (seed 000) the broker runs at once; more wait in the `generations` queue. */
    PREDICTION_WORKER_CONCURRENCY: int(1, 64).default(2),
    /** How long a prediction waits for a file of ours it references to finish uploading. */
    PREDICTION_REFERENCE_WAIT_MS: int(0, 300_000).default(30_000),
    /** Base URL of the Ark/ModelArk API, e.g. `https://ark.ap-southeast.bytepluses.com`. */
    ARK_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
    ARK_API_KEY: z
      .string()
      .min(1)
      .transform((v) => new Secret(v))
      .optional(),
    /** Deadline of one generation at the provider, retries and downloads included. */
    ARK_TIMEOUT_MS: int(1_000, 600_000).default(120_000),
    /** Attempts per generation, the first included (retried: transport errors, 429, 5xx). */
    ARK_MAX_ATTEMPTS: int(1, 10).default(3),
    ARK_BACKOFF_BASE_MS: int(0, 60_000).default(500),
    /** Longest Retry-After (or backoff) waited for; beyond it the 429 is passed on. */
    ARK_RETRY_AFTER_MAX_MS: int(0, 120_000).default(10_000),
    ARK_MAX_RESPONSE_BYTES: int(1024, 512 * 1024 * 1024).default(128 * 1024 * 1024),
    ARK_MAX_IMAGE_BYTES: int(1024, 256 * 1024 * 1024).default(32 * 1024 * 1024),
    ...outboundConfigSchema.shape,
  })
  .superRefine((c, ctx) => {
    if (!usesProvider(c.GENERATION_PROVIDERS, 'ark')) return;
    for (const name of ['ARK_BASE_URL', 'ARK_API_KEY'] as const) {
      if (c[name] === undefined)
        ctx.addIssue({ code: 'custom', path: [name], message: 'is required when GENERATION_PROVIDERS names ark' });
    }
  });
export type GenerationBrokerConfig = z.infer<typeof generationBrokerConfigSchema>;
