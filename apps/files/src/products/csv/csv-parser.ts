/** A CSV that cannot be parsed; the message names the line. */
export class CsvSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * RFC 4180 records: fields separated by commas, records by CRLF or LF; a field in double quotes
 * may hold commas, line breaks and `""` for a quote. A leading UTF-8 BOM is dropped; a final line
 * break does not make an empty record, and blank lines are skipped.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  let line = 1;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    if (!(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
  };
  while (i < input.length) {
    const c = input[i];
    if (quoted) {
      if (c === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const after = input[i];
        if (after !== undefined && after !== ',' && after !== '\n' && after !== '\r')
          throw new CsvSyntaxError(`line ${line}: unexpected character after a closing quote`);
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (fieldStarted || field.length > 0) throw new CsvSyntaxError(`line ${line}: a quote inside an unquoted field`);
      quoted = true;
      fieldStarted = true;
      i++;
    } else if (c === ',') {
      endField();
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && input[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      field += c;
      fieldStarted = true;
      i++;
    }
  }
  if (quoted) throw new CsvSyntaxError(`line ${line}: a quoted field is not closed`);
  if (fieldStarted || field.length > 0 || record.length > 0) endRecord();
  return records;
}
