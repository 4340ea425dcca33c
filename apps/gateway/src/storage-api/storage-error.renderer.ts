import { DomainError } from '@mp/contracts';
import { publicErrorCode } from '../dialects/plain-errors';

/** Storage API (seed 000, FastAPI-style): `detail` for clients that read it, plus a machine-readable code. */
export function renderStorageError(e: DomainError): unknown {
  return { detail: e.message, error: { code: publicErrorCode(e.code), message: e.message, details: e.details } };
}
