import { ZipRefused } from '@mp/storage';

export interface ProductRow {
  /** The key of the row's entry in the task's `results`: the SKU, or `SKU#row N` for a repeated or missing one. */
  key: string;
  /** 1-based line of the record in the CSV, header being row 1. */
  row: number;
  sku: string;
  name: string;
  attributes: Record<string, string>;
  /** Set when the row itself is invalid; such a row fails without touching the archive. */
  error?: string;
}

const SKU = /^[A-Za-z0-9][A-Za-z0-9._ -]{0,99}$/;
const NAME_COLUMNS = ['name', 'product_name', 'title'];

/** The CSV's records as products: a `sku` column is required, `name` optional, every other column an attribute. */
export function productRows(records: string[][]): ProductRow[] {
  const [header, ...rows] = records;
  if (!header) throw new ZipRefused('The CSV file is empty');
  const columns = header.map((h) => h.trim());
  const lower = columns.map((c) => c.toLowerCase());
  const skuAt = lower.indexOf('sku');
  if (skuAt < 0) throw new ZipRefused(`The CSV has no "sku" column (columns: ${columns.join(', ')})`);
  const nameAt = lower.findIndex((c) => NAME_COLUMNS.includes(c));
  const seen = new Set<string>();
  return rows.map((fields, i) => {
    const row = i + 2;
    const sku = (fields[skuAt] ?? '').trim();
    const attributes: Record<string, string> = {};
    columns.forEach((column, c) => {
      if (c !== skuAt && c !== nameAt && column) attributes[column] = fields[c] ?? '';
    });
    const product = { row, sku, name: nameAt >= 0 && fields[nameAt]?.trim() ? fields[nameAt].trim() : sku, attributes };
    const error = rowError(fields.length, columns.length, sku, seen);
    seen.add(sku);
    const key = error && (sku === '' || error.startsWith('duplicate')) ? `${sku || 'row'}#row${row}` : sku;
    return error ? { ...product, key, error } : { ...product, key };
  });
}

function rowError(fieldCount: number, columnCount: number, sku: string, seen: Set<string>): string | undefined {
  if (fieldCount !== columnCount) return `row has ${fieldCount} fields; the header has ${columnCount}`;
  if (sku === '') return 'empty sku';
  if (!SKU.test(sku) || sku.endsWith('.'))
    return `invalid sku "${sku}" (letters, digits, ".", "_", "-", space; at most 100)`;
  if (seen.has(sku)) return `duplicate sku "${sku}" (an earlier row has it)`;
  return undefined;
}
