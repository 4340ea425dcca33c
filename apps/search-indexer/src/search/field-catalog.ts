import { FileDocument, fileDocumentSchema, SEARCH_FIELD_TYPES } from '@mp/contracts';

/** Value types of indexed fields, named as the storage API's schema endpoint names them (seed 000). */
export const FIELD_TYPES = SEARCH_FIELD_TYPES;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Every field of a file document except the free-form custom `metadata`. */
export type IndexedField = Exclude<keyof FileDocument, 'metadata'>;

export interface FieldDefinition {
  readonly name: IndexedField;
  readonly type: FieldType;
  /** Holds a list of values (tags, labels); a filter on it requires every given value. */
  readonly array: boolean;
  /** Accepted as `sort_by`. */
  readonly sortable: boolean;
  /** May be unset on a file (null in the document). */
  readonly nullable: boolean;
  /** Accepted by the distinct-values endpoint (low-cardinality classification fields). */
  readonly distinct: boolean;
  /**
   * Offered to clients (filters, sort, schema endpoint). The seed names 42 fields but promises 40
   * (`total_fields: 40`): `team_id` is the implicit scope of every query and `upload_ip` is audit
   * data, so both are indexed but not searchable.
   */
  readonly searchable: boolean;
}

type Spec = Pick<FieldDefinition, 'type'> &
  Partial<Pick<FieldDefinition, 'array' | 'sortable' | 'distinct' | 'searchable'>>;

const keyword: Spec = { type: 'keyword' };
const text: Spec = { type: 'text', sortable: false };
const date: Spec = { type: 'date' };
const long: Spec = { type: 'long' };
const double: Spec = { type: 'double' };
const keywords: Spec = { type: 'keyword', array: true, sortable: false, distinct: true };
/** A keyword whose distinct values make a filter menu (seed: folder, content_type, extension, …). */
const facet: Spec = { type: 'keyword', distinct: true };
const flag: Spec = { type: 'boolean', distinct: true };
const internal: Spec = { type: 'keyword', sortable: false, searchable: false };

/** The seed's indexed fields, in the seed's order. `satisfies` makes a missing or extra field a compile error. */
const SPECS = {
  // Identity
  file_id: keyword,
  object_key: keyword,
  filename: { type: 'text', sortable: true },
  team_id: internal,
  user_id: keyword,
  // Time
  created_at: date,
  updated_at: date,
  expires_at: date,
  // Source
  source: facet,
  source_job_id: keyword,
  source_model: facet,
  upload_ip: internal,
  // Object
  content_type: facet,
  size: long,
  extension: facet,
  folder: facet,
  checksum: keyword,
  // Classification
  category: facet,
  subcategory: facet,
  tags: keywords,
  labels: keywords,
  project: facet,
  environment: facet,
  // Status
  status: facet,
  visibility: facet,
  is_processed: flag,
  is_archived: flag,
  // Metrics
  width: long,
  height: long,
  duration: double,
  frame_count: long,
  sample_rate: long,
  bit_depth: long,
  // AI/ML context
  prompt: text,
  negative_prompt: text,
  seed: long,
  steps: long,
  cfg_scale: double,
  model_version: facet,
  // Compliance
  retention_days: long,
  legal_hold: flag,
  classification_level: facet,
} as const satisfies { [K in IndexedField]: Spec };

/**
 * The single description of the searchable fields: request validation, SQL (and later the
 * Elasticsearch mapping) and the schema endpoint all read it. Nullability comes from the contract.
 */
export const FIELD_CATALOG: readonly FieldDefinition[] = Object.entries(SPECS).map(([name, spec]: [string, Spec]) => ({
  name: name as IndexedField,
  type: spec.type,
  array: spec.array ?? false,
  sortable: spec.sortable ?? !(spec.array ?? false),
  nullable: fileDocumentSchema.shape[name as IndexedField].safeParse(null).success,
  distinct: spec.distinct ?? false,
  searchable: spec.searchable ?? true,
}));

const BY_NAME: ReadonlyMap<string, FieldDefinition> = new Map(FIELD_CATALOG.map((f) => [f.name, f]));

export function findField(name: string): FieldDefinition | undefined {
  return BY_NAME.get(name);
}

/** A field clients may filter, sort or list by; internal fields are as unknown to them. */
export function findSearchableField(name: string): FieldDefinition | undefined {
  const field = BY_NAME.get(name);
  return field?.searchable ? field : undefined;
}

/** What the schema endpoint lists. */
export const SEARCHABLE_FIELDS: readonly FieldDefinition[] = FIELD_CATALOG.filter((f) => f.searchable);

export const SORTABLE_FIELDS: readonly IndexedField[] = FIELD_CATALOG.filter((f) => f.sortable).map((f) => f.name);
export const DISTINCT_FIELDS: readonly IndexedField[] = FIELD_CATALOG.filter((f) => f.distinct).map((f) => f.name);
