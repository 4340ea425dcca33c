import { FileDocument, fileDocumentSchema } from '@mp/contracts';

/** Value types of indexed fields, named as the storage API's schema endpoint names them (seed 000). */
export const FIELD_TYPES = ['keyword', 'text', 'date', 'long', 'double', 'boolean'] as const;
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
}

type Spec = Pick<FieldDefinition, 'type'> & Partial<Pick<FieldDefinition, 'array' | 'sortable'>>;

const keyword: Spec = { type: 'keyword' };
const text: Spec = { type: 'text', sortable: false };
const date: Spec = { type: 'date' };
const long: Spec = { type: 'long' };
const double: Spec = { type: 'double' };
const boolean: Spec = { type: 'boolean' };
const keywords: Spec = { type: 'keyword', array: true, sortable: false };

/** The seed's indexed fields, in the seed's order. `satisfies` makes a missing or extra field a compile error. */
const SPECS = {
  // Identity
  file_id: keyword,
  object_key: keyword,
  filename: { type: 'text', sortable: true },
  team_id: keyword,
  user_id: keyword,
  // Time
  created_at: date,
  updated_at: date,
  expires_at: date,
  // Source
  source: keyword,
  source_job_id: keyword,
  source_model: keyword,
  upload_ip: keyword,
  // Object
  content_type: keyword,
  size: long,
  extension: keyword,
  folder: keyword,
  checksum: keyword,
  // Classification
  category: keyword,
  subcategory: keyword,
  tags: keywords,
  labels: keywords,
  project: keyword,
  environment: keyword,
  // Status
  status: keyword,
  visibility: keyword,
  is_processed: boolean,
  is_archived: boolean,
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
  model_version: keyword,
  // Compliance
  retention_days: long,
  legal_hold: boolean,
  classification_level: keyword,
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
}));

const BY_NAME: ReadonlyMap<string, FieldDefinition> = new Map(FIELD_CATALOG.map((f) => [f.name, f]));

export function findField(name: string): FieldDefinition | undefined {
  return BY_NAME.get(name);
}

export const SORTABLE_FIELDS: readonly IndexedField[] = FIELD_CATALOG.filter((f) => f.sortable).map((f) => f.name);
