import { storedContentType } from './content-type';

describe('storedContentType', () => {
  it('keeps a specific declared type', () => {
    expect(storedContentType('image/png', 'a.bin')).toBe('image/png');
    expect(storedContentType('Application/JSON', 'a')).toBe('application/json');
  });

  it('guesses from the extension when the declared type is generic or missing', () => {
    expect(storedContentType('text/plain', 'images/photo.jpg')).toBe('image/jpeg');
    expect(storedContentType('application/octet-stream', 'x/y.PNG')).toBe('image/png');
    expect(storedContentType(undefined, 'notes.txt')).toBe('text/plain');
  });

  it('falls back to the generic type, and never stores a malformed one', () => {
    expect(storedContentType('text/plain', 'README')).toBe('text/plain');
    expect(storedContentType(undefined, 'blob')).toBe('application/octet-stream');
    expect(storedContentType('image/png\r\nX-Evil: 1', 'blob')).toBe('application/octet-stream');
  });
});
