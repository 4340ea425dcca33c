import { ErrorCode } from '@mp/contracts';
import type { ErrorRenderer } from '../errors/error-renderers';

/** Seed 002 names a bad request `InvalidParameter`; other codes keep the platform's names. */
const SEED_CODES: Partial<Record<ErrorCode, string>> = { ValidationFailed: 'InvalidParameter' };

/** S3 storage proxy (seed 002): `{"error": {"code", "message"}}`, the seed's top-level error shape. */
export const renderS3ProxyError: ErrorRenderer = (e) => ({
  error: { code: SEED_CODES[e.code] ?? e.code, message: e.message },
});
