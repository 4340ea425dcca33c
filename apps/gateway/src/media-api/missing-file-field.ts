import { DomainError } from '@mp/contracts';

/** FastAPI's 422 for a form without its `file` field, as the seed's upload routes answer it. */
export const missingFileField = () =>
  new DomainError('ValidationFailed', 'file: Field required', {
    issues: [{ field: 'file', message: 'Field required', type: 'missing', location: 'body' }],
  });
