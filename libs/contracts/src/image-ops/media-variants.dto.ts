import { z } from 'zod';

/** Seed 003 (FastAPI-style media API) file serving: converted variants, produced by image-ops. */

export const SERVE_FORMATS = ['webp', 'jpeg', 'png', 'avif', 'gif'] as const;
export type ServeFormat = (typeof SERVE_FORMATS)[number];

/** `?type=` of `GET /files/{path}`: quality 90, as the seed's Cloudflare transformation. */
export const VARIANT_QUALITY = 90;

export const variantEnsureRequestSchema = z.object({
  source_key: z.string().min(1).max(1024),
  format: z.enum(SERVE_FORMATS),
  quality: z.number().int().min(1).max(100),
  /** The source as the caller's own HEAD just saw it: image-ops then does not HEAD it again. */
  source: z.object({ etag: z.string().min(1).max(256), size: z.number().int().nonnegative() }).optional(),
});
export const variantEnsureResponseSchema = z.object({ derived_key: z.string(), converted: z.boolean() });
export type VariantEnsureResponse = z.infer<typeof variantEnsureResponseSchema>;

export const MEDIA_VARIANT_RPC = {
  variantEnsure: { request: variantEnsureRequestSchema, response: variantEnsureResponseSchema },
} as const;
