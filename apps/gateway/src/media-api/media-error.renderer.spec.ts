import { DomainError } from '@mp/contracts';
import { z } from 'zod';
import { mediaApiStatus, renderMediaApiError } from './media-error.renderer';
import { MediaValidationPipe } from './media-validation.pipe';

const failure = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (err) {
    return err as DomainError;
  }
  throw new Error('expected a failure');
};

describe('seed 003 (FastAPI) errors', () => {
  it('renders body validation as 422 with loc/msg/type', () => {
    const pipe = new MediaValidationPipe(z.object({ filename: z.string(), content_type: z.enum(['image/png']) }));
    const error = failure(() => pipe.transform({ content_type: 'text/html' }));
    expect(mediaApiStatus(error)).toBe(422);
    expect(renderMediaApiError(error)).toEqual({
      detail: [
        { loc: ['body', 'filename'], msg: expect.any(String), type: 'missing' },
        { loc: ['body', 'content_type'], msg: expect.any(String), type: 'enum' },
      ],
    });
  });

  it('renders path validation with its location', () => {
    const error = failure(() => new MediaValidationPipe(z.uuid(), 'path').transform('nope'));
    expect(renderMediaApiError(error)).toEqual({
      detail: [{ loc: ['path'], msg: expect.any(String), type: 'uuid_parsing' }],
    });
  });

  it('renders other errors as a detail string with their status; duplicates are 400', () => {
    expect(renderMediaApiError(new DomainError('ValidationFailed', 'Incorrect email or password'))).toEqual({
      detail: 'Incorrect email or password',
    });
    expect(mediaApiStatus(new DomainError('ValidationFailed', 'Incorrect email or password'))).toBe(400);
    expect(mediaApiStatus(new DomainError('Conflict', 'User already has an export configuration'))).toBe(400);
    expect(mediaApiStatus(new DomainError('Forbidden', 'x'))).toBe(403);
    expect(mediaApiStatus(new DomainError('Unauthenticated', 'x'))).toBe(401);
    expect(renderMediaApiError(new DomainError('NoSuchRoute', 'No such route'))).toEqual({ detail: 'Not Found' });
    expect(renderMediaApiError(new DomainError('Internal', 'stack details'))).toEqual({
      detail: 'Internal Server Error',
    });
  });
});
