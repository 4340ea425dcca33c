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

  it('counts the lines of quoted line breaks and skipped blank lines in the line it names', () => {
    expect(() => parseCsv('a,b\n"x\ny",1\n\n2,"open\nstill open')).toThrow(
      new CsvSyntaxError('line 6: a quoted field is not closed'),
    );
    expect(() => parseCsv('\uFEFFa\r\n"multi\r\nline"\r\n"x"y')).toThrow(
      new CsvSyntaxError('line 4: unexpected character after a closing quote'),
    );
  });

  it('keeps records of differing lengths for the caller to judge, and a BOM only at the start', () => {
    expect(parseCsv('a,b\n1\n1,2,3\n')).toEqual([['a', 'b'], ['1'], ['1', '2', '3']]);
    expect(parseCsv('a\n\uFEFFx')).toEqual([['a'], ['\uFEFFx']]);
  });

  it('keeps CRLF line breaks inside a quoted field as written', () => {
    expect(parseCsv('sku,notes\r\nA1,"one\r\ntwo"\r\n')).toEqual([
      ['sku', 'notes'],
      ['A1', 'one\r\ntwo'],
    ]);
  });
});
