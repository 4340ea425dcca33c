import { DomainError } from '@mp/contracts';
import type { ZodError } from 'zod';

/** Turns schema issues into a ValidationFailed error that names each offending field. */
export function validationError(error: ZodError): DomainError {
  const issues = error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
  const message = issues.map((i) => (i.field === '(body)' ? i.message : `${i.field}: ${i.message}`)).join('; ');
  return new DomainError('ValidationFailed', message, { issues });
}
