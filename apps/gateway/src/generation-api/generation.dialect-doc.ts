import {
  aiImageGalleryPageSchema,
  aiImageGalleryQuerySchema,
  aiImageLogsPageSchema,
  aiImageLogsQuerySchema,
  aiImageUsageSchema,
  imageGenerationRequestSchema,
  imageGenerationResponseSchema,
} from '@mp/contracts';
import type { DialectDoc } from '../docs/dialect-doc';

/** Seed 002's AI Image API (SeedDream gateway). */
export const GENERATION_DOC: DialectDoc = {
  title: 'AI Image API (seed 002)',
  description:
    'Text-to-image, image-to-image, multi-image blending and batch generation with the seedream models. Errors: `{"error": {"code", "message"}}` — 400 InvalidParameter / MissingParameter naming the field and the rule, 401 missing or invalid key (`Authorization: Bearer kikaku_xxx`), 403 wrong key kind, quota exhausted (`QuotaExceeded`), key suspended (`KeySuspended`) or expired (`KeyExpired`), 429 rate limit (per key, with `Retry-After` and `X-RateLimit-*`), 504 Timeout when the provider does not finish in 120 s. Responses of the embedded renderer carry `X-Provider: local`.',
  security: { name: 'AiImageKey', scheme: { type: 'http', scheme: 'bearer', description: 'A `kikaku_…` key' } },
  errorExample: { error: { code: 'InvalidParameter', message: 'Invalid size "5K". Use 2K/4K or WIDTHxHEIGHT' } },
  operations: [
    {
      method: 'post',
      path: '/v1/images/generations',
      summary: 'Generate images',
      description:
        'References (`image`) as public URLs or `data:image/<fmt>;base64,…`, checked on their decoded bytes. In `auto` mode the missing images are requested in parallel when the model returns fewer than `max_images` (batch fallback); an image that failed is `{error}` in `data[]` while the rest succeed. `url` is signed and valid 24 h; every image is also kept in our storage.',
      body: imageGenerationRequestSchema,
      response: imageGenerationResponseSchema,
      status: 200,
    },
    {
      method: 'get',
      path: '/v1/usage',
      summary: 'Quota, usage and request statistics of the calling key',
      description:
        '`remaining` = `quota_limit` − `used_count` − images held by generations still running. `status` is `expired` once `expires_at` has passed. `stats` count every generation request of the key that passed authentication (a request whose images all failed counts as failed).',
      response: aiImageUsageSchema,
      status: 200,
    },
    {
      method: 'get',
      path: '/v1/logs',
      summary: 'Request log of the calling key, newest first',
      description:
        '`start_date` / `end_date`: `YYYY-MM-DD` (a whole UTC day; `end_date` includes it) or a full ISO timestamp. `page` ≥ 1 (default 1), `limit` 1–100 (default 20); above 100 → 400 InvalidParameter.',
      query: aiImageLogsQuerySchema,
      response: aiImageLogsPageSchema,
      status: 200,
    },
    {
      method: 'get',
      path: '/v1/gallery',
      summary: 'Every image the calling key generated, newest first',
      description:
        '`s3_url` is a signed GET URL of our own stored copy, signed anew on every listing and valid AI_IMAGE_GALLERY_URL_TTL_SECONDS (default 7 days). `image_size` is the size as asked (`2K`, `2048x2048`).',
      query: aiImageGalleryQuerySchema,
      response: aiImageGalleryPageSchema,
      status: 200,
    },
  ],
};
