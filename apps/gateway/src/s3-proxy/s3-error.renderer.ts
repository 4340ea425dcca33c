import { DomainError, ErrorCode } from '@mp/contracts';
import { publicErrorCode } from '../dialects/plain-errors';

/** Seed 002 names a bad request `InvalidParameter`; other codes keep the platform's names. */
const SEED_CODES: Partial<Record<ErrorCode, string>> = { ValidationFailed: 'InvalidParameter' };

/** S3 storage proxy (seed 002): `{"error": {"code", "message"}}`, the seed's top-level error shape. */
export function renderS3ProxyError(e: DomainError): unknown {
  return { error: { code: SEED_CODES[e.code] ?? publicErrorCode(e.code), message: e.message } };
}
