import { Provider } from '@nestjs/common';
import { loadConfig } from '@mp/platform';
import { z } from 'zod';

export const generationApiConfigSchema = z.object({
  /**
   * How long the gateway waits for the broker: its generation deadline (GENERATION_TIMEOUT_MS, the
   * seed's 120 s) plus time to store the images.
   */
  GENERATION_RPC_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(900_000).default(150_000),
  /**
   * Validity of a gallery `s3_url` (`GET /v1/gallery`), signed anew on every listing. Default 7 days,
   * the longest a SigV4 presigned URL may live.
   */
  AI_IMAGE_GALLERY_URL_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .default(7 * 24 * 3600),
});
export type GenerationApiConfig = z.infer<typeof generationApiConfigSchema>;

export const GENERATION_API_CONFIG = Symbol('GENERATION_API_CONFIG');

export const generationApiConfigProvider: Provider = {
  provide: GENERATION_API_CONFIG,
  useFactory: (): GenerationApiConfig => loadConfig(generationApiConfigSchema),
};

/** 14 references of up to 10 MB as base64 `data:` URLs, plus the prompt. */
export const GENERATION_BODY_LIMITS = { '/v1/images/generations': 200 * 1024 * 1024 } as const;
