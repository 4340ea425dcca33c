import { DomainError } from '@mp/contracts';
import { publicErrorCode } from '../dialects/plain-errors';

/**
 * Seed 004 shows no error body; Swift clients print whatever comes. Every error of the bucket and
 * Swift APIs is `{"error": {"code", "message"}}` with the code's own status.
 */
export function renderBucketError(e: DomainError): unknown {
  return { error: { code: publicErrorCode(e.code), message: e.message } };
}
