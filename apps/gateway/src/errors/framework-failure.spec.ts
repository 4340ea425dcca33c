import { DomainError } from '@mp/contracts';
import { IMAGE_DIALECT } from '../image-api/image.dialect';
import { STORAGE_DIALECT } from '../storage-api/storage.dialect';
import { MEDIA_API_DIALECT } from '../media-api/media-api.dialect';
import { answerInDialect, errorDialectOf } from './dialect-answer';
import { requestPathOfRawPacket } from './framework-error-handlers';
import { frameworkFailureOf, isFrameworkError } from './framework-failure';

describe('framework failures', () => {
  it.each([
    ['FST_ERR_BAD_URL', 400, 'ValidationFailed', 'MalformedUrl'],
    ['FST_ERR_MAX_PARAM_LENGTH', 414, 'ValidationFailed', 'UrlTooLong'],
    ['HPE_HEADER_OVERFLOW', 431, 'ValidationFailed', 'HeadersTooLarge'],
    ['HPE_INVALID_METHOD', 400, 'ValidationFailed', 'MalformedRequest'],
    ['FST_ERR_CTP_BODY_TOO_LARGE', 413, 'PayloadTooLarge', undefined],
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 'UnsupportedMediaType', undefined],
  ])('%s → %i %s', (code, status, errorCode, reason) => {
    const failure = frameworkFailureOf({ code, message: 'raw framework text' });
    expect(failure.status).toBe(status);
    expect(failure.error).toMatchObject({ code: errorCode, details: reason ? { reason } : {} });
    expect(failure.error.message).not.toContain('raw framework text');
  });

  it('keeps a 4xx status of an unknown Fastify error, and counts it as a framework error', () => {
    const error = { code: 'FST_ERR_SOMETHING_NEW', statusCode: 409, message: 'conflicting' };
    expect(isFrameworkError(error)).toBe(true);
    expect(frameworkFailureOf(error)).toMatchObject({
      status: 409,
      error: { code: 'Conflict', message: 'conflicting' },
    });
  });

  it('does not take a plain bug (no code, no status) for a framework error', () => {
    expect(isFrameworkError(new TypeError('x is undefined'))).toBe(false);
    expect(isFrameworkError(new SyntaxError('Unexpected token'))).toBe(false);
  });
});

describe('dialect answers of framework failures', () => {
  const uriTooLong = frameworkFailureOf({ code: 'FST_ERR_MAX_PARAM_LENGTH' });

  it('gives the precise status to dialects that answer with the error status', () => {
    expect(answerInDialect(STORAGE_DIALECT, uriTooLong.error, uriTooLong.status).status).toBe(414);
    expect(answerInDialect(MEDIA_API_DIALECT, uriTooLong.error, uriTooLong.status)).toEqual({
      status: 414,
      body: { detail: 'A segment of the URL path is too long' },
      contentType: 'application/json',
    });
  });

  it('keeps the image API at HTTP 200 with isSuccessful=false', () => {
    expect(answerInDialect(IMAGE_DIALECT, uriTooLong.error, uriTooLong.status)).toEqual({
      status: 200,
      body: { header: { isSuccessful: false, resultCode: expect.any(Number), resultMessage: expect.any(String) } },
      contentType: 'application/json',
    });
  });

  it('keeps a dialect status of its own (media 422 for field issues)', () => {
    const issues = new DomainError('ValidationFailed', 'bad', { issues: [{ field: 'a', message: 'm' }] });
    expect(answerInDialect(MEDIA_API_DIALECT, issues, 400).status).toBe(422);
  });

  it('finds the dialect of a path with repeated slashes', () => {
    expect(errorDialectOf('//v1//files/x')).toBe(STORAGE_DIALECT);
    expect(errorDialectOf('/image///v2.0')).toBe(IMAGE_DIALECT);
  });
});

describe('requestPathOfRawPacket', () => {
  it('reads the path of the request line Node refused', () => {
    expect(requestPathOfRawPacket(Buffer.from(`GET /image/v2.0/x?q=${'a'.repeat(5000)} HTTP/1.1\r\n`))).toBe(
      '/image/v2.0/x',
    );
    expect(requestPathOfRawPacket(Buffer.from('\r\nPOST /v1/files/upload-url HTTP/1.1\r\n'))).toBe(
      '/v1/files/upload-url',
    );
  });

  it('gives up on anything that is not a request line', () => {
    expect(requestPathOfRawPacket(Buffer.from('x-filler: aaaa\r\n'))).toBeUndefined();
    expect(requestPathOfRawPacket(undefined)).toBeUndefined();
    expect(requestPathOfRawPacket({ type: 'Buffer', data: [] })).toBeUndefined();
  });
});
