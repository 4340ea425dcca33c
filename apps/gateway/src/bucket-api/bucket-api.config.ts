import { z } from 'zod';

export const bucketApiConfigSchema = z.object({
  /** Largest Swift object one PUT may store (Swift's own default: 5 GiB). */
  SWIFT_MAX_OBJECT_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(5 * 1024 * 1024 * 1024),
  /** Master keys of encryption at rest, `id:base64(32 bytes)` separated by commas; unset: `use_encryption` is refused. */
  BUCKET_ENCRYPTION_KEYS: z
    .string()
    .refine(
      (v) =>
        v
          .split(',')
          .filter((e) => e.trim() !== '')
          .every(
            (e) =>
              /^[A-Za-z0-9_-]{1,40}:[A-Za-z0-9+/=]+$/.test(e.trim()) &&
              Buffer.from(e.trim().split(':')[1]!, 'base64').length === 32,
          ),
      'each entry must be id:base64 of 32 bytes',
    )
    .optional(),
  /** The id (in BUCKET_ENCRYPTION_KEYS) new objects are encrypted under; default the first. */
  BUCKET_ENCRYPTION_KEY_ID: z.string().optional(),
});
