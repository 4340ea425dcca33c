import { CsvError, CsvErrorCode, parse } from 'csv-parse/sync';

/** A CSV that cannot be parsed; the message names the line. */
export class CsvSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** Our wording of csv-parse's refusals; any other is passed on with its own message. */
const REASONS: Partial<Record<CsvErrorCode, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is not closed',
  INVALID_OPENING_QUOTE: 'a quote inside an unquoted field',
  CSV_INVALID_CLOSING_QUOTE: 'unexpected character after a closing quote',
};

/**
 * RFC 4180 records (csv-parse): fields separated by commas, records by CRLF or LF; a field in double quotes
 * may hold commas, line breaks and `""` for a quote. A leading UTF-8 BOM is dropped, blank lines are skipped,
 * and records may differ in length (the caller reports such rows).
 */
export function parseCsv(text: string): string[][] {
  try {
    return parse(text, OPTIONS);
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const line = lineOfError(text);
    const reason = REASONS[err.code] ?? err.message;
    throw new CsvSyntaxError(line === undefined ? reason : `line ${line}: ${reason}`);
  }
}

const OPTIONS = { bom: true, skip_empty_lines: true, relax_column_count: true };

/**
 * The line csv-parse stopped at. It counts both characters of a CRLF inside a quoted field as line
 * breaks, so the count is taken on a copy with LF line breaks only, which fails at the same place.
 */
function lineOfError(text: string): number | undefined {
  try {
    parse(text.replace(/\r\n?/g, '\n'), OPTIONS);
  } catch (err) {
    if (err instanceof CsvError && typeof err.lines === 'number') return err.lines;
  }
  return undefined;
}
