import { CsvSyntaxError, parseCsv } from './csv-parser';

describe('parseCsv (RFC 4180)', () => {
  it('splits records and fields, with CRLF or LF, skipping a final line break and blank lines', () => {
    expect(parseCsv('sku,name\r\nA1,Shirt\r\nB2,Hat\r\n')).toEqual([
      ['sku', 'name'],
      ['A1', 'Shirt'],
      ['B2', 'Hat'],
    ]);
    expect(parseCsv('a,b\n\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps commas, line breaks and doubled quotes inside quoted fields', () => {
    expect(parseCsv('sku,description\nA1,"Red, soft\nand ""warm"""\n')).toEqual([
      ['sku', 'description'],
      ['A1', 'Red, soft\nand "warm"'],
    ]);
  });

  it('keeps empty fields, including a trailing one and an empty quoted one', () => {
    expect(parseCsv('a,,c,\n"",x,,')).toEqual([
      ['a', '', 'c', ''],
      ['', 'x', '', ''],
    ]);
  });

  it('drops a UTF-8 BOM and keeps non-ASCII text', () => {
    expect(parseCsv('\uFEFFsku,name\nA1,Čaj ☕')).toEqual([
      ['sku', 'name'],
      ['A1', 'Čaj ☕'],
    ]);
  });

  it('refuses unclosed quotes and stray quotes, naming the line', () => {
    expect(() => parseCsv('a,b\n1,"open')).toThrow(new CsvSyntaxError('line 2: a quoted field is not closed'));
    expect(() => parseCsv('a,b\n1,x"y')).toThrow(new CsvSyntaxError('line 2: a quote inside an unquoted field'));
    expect(() => parseCsv('a\n"x"y')).toThrow(new CsvSyntaxError('line 2: unexpected character after a closing quote'));
  });
});
