import { z } from 'zod';
import { callbackUrlSchema } from '../notifier/callbacks.dto';

/** Parameters shared by the image API's (seed 001, `/image/v2.0/appkeys/{appKey}/…`) requests, validated by the gateway and image-ops. */

/** Query-string booleans (`true`/`false`), and real booleans in JSON bodies. */
export const flag = z.preprocess(
  (v) => (v === 'true' ? true : v === 'false' ? false : v),
  z.boolean({ error: 'must be true or false' }),
);

/** An absolute path in an app's image tree: `/a/b.png`, 2–255 UTF-8 bytes, no `.`/`..` segments. */
export const imagePathSchema = z
  .string({ error: 'must be a string' })
  .max(255, 'must be 2 to 255 bytes')
  .refine((p) => Buffer.byteLength(p, 'utf8') >= 2 && Buffer.byteLength(p, 'utf8') <= 255, 'must be 2 to 255 bytes')
  .refine((p) => p.startsWith('/'), 'must be an absolute path starting with /')
  .refine((p) => !/[\u0000-\u001f\u007f\\]/.test(p), 'must not contain control characters or backslashes')
  .refine(
    (p) =>
      p
        .split('/')
        .slice(1)
        .every((s, i, all) => (s !== '' || i === all.length - 1) && s !== '.' && s !== '..'),
    'must not contain empty, . or .. segments',
  )
  .transform((p) => (p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p));

/** `operationId`: letters and digits (the seed's own samples also use `-` and `_`), 1–20 characters. */
export const imageOperationIdSchema = z
  .string({ error: 'must be a string' })
  .max(20, 'must be 1 to 20 letters, digits, - or _')
  .regex(/^[A-Za-z0-9_-]{1,20}$/, 'must be 1 to 20 letters, digits, - or _');

/** A query parameter's `a, b,c` as `['a', 'b', 'c']`; a repeated parameter (already an array) as it is. */
export const splitCommaList = (v: unknown): unknown =>
  typeof v === 'string'
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : v;

/** `100x100,gray` or `["100x100"]`. */
export const operationIdList = z.preprocess(
  splitCommaList,
  z.array(imageOperationIdSchema).max(20, 'at most 20 operation ids'),
);

export const page = z.coerce
  .number({ error: 'must be a number' })
  .int('must be an integer')
  .min(1, 'must be at least 1')
  .default(1);
/** Page size of a listing: 1 to 10000, `def` when absent. */
export const rows = (def: number) =>
  z.coerce
    .number({ error: 'rows must be a number' })
    .int()
    .min(1, 'rows must be at least 1')
    .max(10_000, 'rows must be at most 10000')
    .default(def);
export const sort = (def: string) =>
  z
    .enum(['name:asc', 'name:desc', 'date:asc', 'date:desc'], {
      error: 'must be name:asc, name:desc, date:asc or date:desc',
    })
    .default(def as 'name:asc');

/**
 * A callback URL. The seed's port rule (80 and 443 only) is a setting, `OUTBOUND_ALLOWED_PORTS`, shared
 * by the gateway, image-ops and the notifier: check it with `imageCallbackPortError` of @mp/outbound.
 */
export const imageCallbackUrlSchema = callbackUrlSchema;
