import { DomainError } from '@mp/contracts';

/** The one answer for a key that is unknown, another team's, rejected or expired: existence is never revealed. */
export function fileNotFound(objectKey: string): DomainError {
  return new DomainError('FileNotFound', `No file with object_key "${objectKey}"`, { object_key: objectKey });
}
