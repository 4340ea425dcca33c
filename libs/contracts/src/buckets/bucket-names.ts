import { z } from 'zod';

/** Swift's limits: container names up to 256 bytes, object names up to 1,024 bytes of UTF-8. */
export const MAX_CONTAINER_NAME_BYTES = 256;
export const MAX_OBJECT_NAME_BYTES = 1024;

const utf8Bytes = (value: string) => Buffer.byteLength(value, 'utf8');
/** NUL and other C0 controls make names no client can type or print; lone surrogates are not UTF-8. */
const UNPRINTABLE = /[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * A bucket created through `PUT /v1_ext/bucket`: S3's rule (3–63 characters, lowercase letters,
 * digits, `-`, `.`, starting and ending with a letter or digit, no `..`) plus `_`, which the seed's
 * own `test_bucket` example uses.
 */
export const extBucketNameSchema = z
  .string({ error: 'name must be a string' })
  .min(3, 'name must be 3 to 63 characters')
  .max(63, 'name must be 3 to 63 characters')
  .regex(
    /^[a-z0-9][a-z0-9._-]*[a-z0-9]$/,
    'name may hold lowercase letters, digits, "-", "_" and "." and must start and end with a letter or digit',
  )
  .refine((name) => !name.includes('..'), 'name must not contain ".."');

/** A Swift name (`what` says which in the messages): 1 to `maxBytes` bytes of UTF-8. */
const swiftNameSchema = (what: string, maxBytes: number) =>
  z
    .string({ error: `${what} must be a string` })
    .min(1, `${what} must not be empty`)
    .max(maxBytes, `${what} must be at most ${maxBytes} bytes`)
    .refine((name) => utf8Bytes(name) <= maxBytes, { message: `${what} must be at most ${maxBytes} bytes` });

/** Any container name Swift accepts: 1–256 bytes of UTF-8 without "/" or control characters. */
export const containerNameSchema = swiftNameSchema('container name', MAX_CONTAINER_NAME_BYTES)
  .refine((name) => !name.includes('/'), 'container name must not contain "/"')
  .refine((name) => !UNPRINTABLE.test(name), 'container name must be printable UTF-8');

/** Any object name Swift accepts: 1–1,024 bytes of UTF-8 without control characters. */
export const objectNameSchema = swiftNameSchema('object name', MAX_OBJECT_NAME_BYTES).refine(
  (name) => !UNPRINTABLE.test(name),
  'object name must be printable UTF-8',
);
