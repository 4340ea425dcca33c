import type { estypes } from '@elastic/elasticsearch';
import { FIELD_CATALOG, FieldDefinition, FieldType } from '../field-catalog';

/** Sub-field of a text field holding the whole value, for sorting and exact terms. */
export const RAW_SUBFIELD = 'raw';
/** Sub-field of a text field for case-insensitive substring (wildcard) matching. */
export const CONTAINS_SUBFIELD = 'contains';
/** Deep pages are refused beyond this many hits (from + size). */
export const MAX_RESULT_WINDOW = 100_000;

const SCALAR: Record<Exclude<FieldType, 'text'>, estypes.MappingProperty> = {
  keyword: { type: 'keyword' },
  date: { type: 'date', format: 'strict_date_optional_time' },
  long: { type: 'long' },
  double: { type: 'double' },
  boolean: { type: 'boolean' },
};

function property(field: FieldDefinition): estypes.MappingProperty {
  if (field.type !== 'text') return SCALAR[field.type];
  return {
    type: 'text',
    fields: {
      [RAW_SUBFIELD]: { type: 'keyword', ignore_above: 2048 },
      [CONTAINS_SUBFIELD]: { type: 'wildcard' },
    },
  };
}

/**
 * The index mapping: an explicit property per catalog field, the client's custom metadata as one
 * `flattened` field (any key becomes searchable without a mapping change, and keys whose values
 * differ in type between files cannot cause mapping conflicts), and the tombstone/bookkeeping dates.
 * Unknown top-level fields are refused.
 */
export function indexMappings(): estypes.MappingTypeMapping {
  const properties: Record<string, estypes.MappingProperty> = Object.fromEntries(
    FIELD_CATALOG.map((f) => [f.name, property(f)]),
  );
  properties.metadata = { type: 'flattened', depth_limit: 20, ignore_above: 2048 };
  properties.deleted_at = { type: 'date', format: 'strict_date_optional_time' };
  properties.indexed_at = { type: 'date', format: 'strict_date_optional_time' };
  return { dynamic: 'strict', properties };
}

export function indexSettings(): estypes.IndicesIndexSettings {
  return { number_of_shards: 1, max_result_window: MAX_RESULT_WINDOW };
}
