import { formBoundary, parseFormFieldsPrefix } from './form-fields.parser';

const BOUNDARY = '----formdata-undici-0123456789';

function form(parts: [name: string, value: string, filename?: string][], end = true): Buffer {
  const body = parts
    .map(([name, value, filename]) => {
      const disposition = `form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}`;
      const type = filename ? '\r\nContent-Type: image/png' : '';
      return `--${BOUNDARY}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n${value}\r\n`;
    })
    .join('');
  return Buffer.from(body + (end ? `--${BOUNDARY}--\r\n` : ''));
}

describe('formBoundary', () => {
  it('reads plain and quoted boundaries of multipart/form-data only', () => {
    expect(formBoundary(`multipart/form-data; boundary=${BOUNDARY}`)).toBe(BOUNDARY);
    expect(formBoundary('Multipart/Form-Data; charset=utf-8; boundary="a b;c"')).toBe('a b;c');
    expect(formBoundary('multipart/form-data')).toBeNull();
    expect(formBoundary('application/x-www-form-urlencoded')).toBeNull();
    expect(formBoundary('multipart/form-datax; boundary=x')).toBeNull();
    expect(formBoundary(undefined)).toBeNull();
  });
});

describe('parseFormFieldsPrefix', () => {
  const body = form([
    ['Content-Type', 'image/png'],
    ['key', 'uploads/a b/é.png'],
    ['X-Amz-Signature', 'abc'],
    ['key', 'ignored duplicate'],
    ['file', '\u0089PNG binary', 'photo.png'],
    ['after', 'not a field S3 reads'],
  ]);

  it('reads the fields before the file, names lower-cased, the first occurrence winning', () => {
    const { fields, complete } = parseFormFieldsPrefix(body, BOUNDARY);
    expect(complete).toBe(true);
    expect(Object.fromEntries(fields)).toEqual({
      'content-type': 'image/png',
      key: 'uploads/a b/é.png',
      'x-amz-signature': 'abc',
    });
  });

  it('asks for more bytes until the file part header is complete, at any split', () => {
    const fileHeaderEnd = body.indexOf('\r\n\r\n', body.indexOf('name="file"')) + 4;
    for (let length = 0; length < fileHeaderEnd; length++) {
      expect(parseFormFieldsPrefix(body.subarray(0, length), BOUNDARY).complete).toBe(false);
    }
    expect(parseFormFieldsPrefix(body.subarray(0, fileHeaderEnd), BOUNDARY).complete).toBe(true);
  });

  it('is complete at the end of a form without a file', () => {
    const { fields, complete } = parseFormFieldsPrefix(form([['key', 'k']]), BOUNDARY);
    expect(complete).toBe(true);
    expect(Object.fromEntries(fields)).toEqual({ key: 'k' });
  });

  it('keeps values containing line breaks and boundary-like text', () => {
    const { fields } = parseFormFieldsPrefix(
      form([
        ['policy', `line1\r\nline2 --${BOUNDARY.slice(0, 10)}`],
        ['file', 'x', 'f'],
      ]),
      BOUNDARY,
    );
    expect(fields.get('policy')).toBe(`line1\r\nline2 --${BOUNDARY.slice(0, 10)}`);
  });
});
