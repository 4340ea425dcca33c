import { boundedError, MAX_ERROR_MESSAGE_CHARS, truncate } from './bounded-error';

describe('boundedError', () => {
  it('cuts messages and string details, whatever the input held', () => {
    const huge = 'A'.repeat(1_000_000);
    const bounded = boundedError({
      code: 'ValidationFailed',
      message: huge,
      details: { issues: Array.from({ length: 1000 }, () => ({ field: huge, message: huge })), echo: huge },
    });
    expect(JSON.stringify(bounded).length).toBeLessThan(64 * 1024);
    expect(bounded.message.length).toBe(MAX_ERROR_MESSAGE_CHARS);
    expect(bounded.code).toBe('ValidationFailed');
    expect((bounded.details.issues as unknown[]).length).toBe(20);
  });

  it('keeps small errors as they are', () => {
    const error = { code: 'NotFound' as const, message: 'No such file', details: { fileId: 'f1', attempts: 2 } };
    expect(boundedError(error)).toEqual(error);
  });

  it('never cuts between the halves of a surrogate pair', () => {
    const text = `${'a'.repeat(8)}😀😀`;
    for (let max = 2; max < text.length; max++) {
      const cut = truncate(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(cut)).toBe(false);
    }
  });
});
