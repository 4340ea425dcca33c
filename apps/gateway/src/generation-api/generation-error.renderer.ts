import { DomainError, ErrorCode } from '@mp/contracts';
import { publicErrorCode } from '../dialects/plain-errors';

/**
 * Seed 002's AI Image errors: `{"error": {"code", "message"}}`. A refused parameter is
 * `InvalidParameter` or `MissingParameter` (carried in `details.parameter_code`); the other codes
 * keep the platform's names.
 */
const SEED_CODES: Partial<Record<ErrorCode, string>> = { ValidationFailed: 'InvalidParameter', Timeout: 'Timeout' };

export function renderGenerationError(e: DomainError): unknown {
  const parameterCode = e.details.parameter_code;
  const code =
    e.code === 'ValidationFailed' && typeof parameterCode === 'string'
      ? parameterCode
      : (SEED_CODES[e.code] ?? publicErrorCode(e.code));
  return { error: { code, message: e.message } };
}
