import { Provider } from '@nestjs/common';
import { loadConfig } from '@mp/platform';
import { z } from 'zod';

/** Settings of the AI Image keys' quota, validated once when the module is built at boot. */
export const aiImageConfigSchema = z.object({
  /** Images a `kikaku_` key may generate when it has no limit of its own (the seed's example key shows 1000). */
  AI_IMAGE_DEFAULT_QUOTA: z.coerce.number().int().min(0).max(1_000_000_000).default(1000),
  /**
   * A generation's reservation lapses (its images are given back) this long after it was made, when
   * the gateway never settled it (crashed). Longer than the gateway's GENERATION_RPC_TIMEOUT_MS (150 s).
   */
  AI_IMAGE_RESERVATION_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(10)
    .max(24 * 3600)
    .default(600),
});
export type AiImageConfig = z.infer<typeof aiImageConfigSchema>;

export const AI_IMAGE_CONFIG = Symbol('AI_IMAGE_CONFIG');

export const aiImageConfigProvider: Provider = {
  provide: AI_IMAGE_CONFIG,
  useFactory: (): AiImageConfig => loadConfig(aiImageConfigSchema),
};
