import { FileDocument } from '@mp/contracts';
import { IndexedField } from './field-catalog';

/** A validated filter value: strings for keyword/text/date (dates as ISO 8601 UTC), numbers, booleans. */
export type FilterValue = string | number | boolean;
export type RangeOperator = 'gte' | 'gt' | 'lte' | 'lt';
export const RANGE_OPERATORS: readonly RangeOperator[] = ['gte', 'gt', 'lte', 'lt'];

/**
 * One validated condition of a search, independent of the backend that evaluates it.
 * Every field named here comes from the field catalog; metadata keys are the client's.
 */
export type FilterClause =
  /** Scalar field equals the value. */
  | { kind: 'term'; field: IndexedField; value: FilterValue }
  /** Field is unset on the file. */
  | { kind: 'missing'; field: IndexedField }
  /** Array field (tags, labels) holds every one of the values. */
  | { kind: 'contains_all'; field: IndexedField; values: string[] }
  /** Date or number field within the bounds (all given bounds apply). */
  | { kind: 'range'; field: IndexedField; bounds: Partial<Record<RangeOperator, string | number>> }
  /** Text field contains the value, case-insensitively. */
  | { kind: 'match'; field: IndexedField; value: string }
  /** Custom metadata contains this JSON (`{ key: value }`): scalars equal, arrays hold all, objects partially match. */
  | { kind: 'metadata'; contains: Record<string, unknown> }
  /**
   * One custom metadata key holds a number (`type: 'number'`) or an ISO 8601 date string (`'date'`,
   * bounds as ISO 8601 UTC) within the bounds; for an array value one element within them suffices.
   */
  | {
      kind: 'metadata_range';
      key: string;
      type: MetadataRangeType;
      bounds: Partial<Record<RangeOperator, string | number>>;
    };

export type MetadataRangeType = 'number' | 'date';

export interface SearchQuery {
  team_id: string;
  filters: FilterClause[];
  sort: { field: IndexedField; order: 'asc' | 'desc' };
  page: number;
  page_size: number;
  /** Files whose `expires_at` is at or before this instant are not found. */
  now: Date;
}

/** What a backend returns per hit: enough to render the API's hit and sign its URL. */
export interface IndexedFile {
  file_id: string;
  object_key: string;
  filename: string;
  content_type: string;
  size: number;
  folder: string;
  created_at: Date;
  expires_at: Date | null;
  metadata: Record<string, unknown>;
}

/** The fields of an IndexedFile, in the order every backend reads them. */
export const INDEXED_FILE_FIELDS = [
  'file_id',
  'object_key',
  'filename',
  'content_type',
  'size',
  'folder',
  'created_at',
  'expires_at',
  'metadata',
] as const satisfies ReadonlyArray<keyof IndexedFile>;

export interface SearchPage {
  total: number;
  files: IndexedFile[];
}

export interface UpsertOptions {
  document: FileDocument;
}

export interface RemoveOptions {
  file_id: string;
  team_id: string;
  /** When the file was deleted; a document version not newer than this is never indexed again. */
  deleted_at: string;
}

/** `applied: false` when the write was stale (an older version, or the file is already deleted). */
export interface WriteResult {
  applied: boolean;
}

export interface UpsertManyOptions {
  documents: readonly FileDocument[];
}

/** The file ids whose document was written; the others were stale or deleted. */
export interface BatchWriteResult {
  applied: string[];
}

export interface DistinctQuery {
  team_id: string;
  /** A catalog field with `distinct: true`. */
  field: IndexedField;
  /** Files expired at this instant do not contribute. */
  now: Date;
  /** At most this many values, smallest first. */
  limit: number;
}

/**
 * A new, empty index being filled from the source of truth while the current one keeps serving.
 * `finish` carries over what the live index learned meanwhile (newer versions, tombstones) and
 * switches readers and writers to the new index in one step; `abort` drops it.
 */
export interface IndexRebuild {
  write(documents: readonly FileDocument[]): Promise<void>;
  finish(): Promise<{ documents: number }>;
  abort(): Promise<void>;
}

/**
 * The search index of file documents: Postgres or Elasticsearch, chosen by config. Writes are
 * idempotent and ordered by the document's `updated_at`; a removal is final (a tombstone), so a
 * late older upload event cannot bring a deleted file back.
 */
export interface SearchBackend {
  upsert(options: UpsertOptions): Promise<WriteResult>;
  /** Many documents in one round trip (the indexer's batches); same rules as `upsert`. */
  upsertMany(options: UpsertManyOptions): Promise<BatchWriteResult>;
  remove(options: RemoveOptions): Promise<WriteResult>;
  search(query: SearchQuery): Promise<SearchPage>;
  /** The distinct values of a field over the team's live files, ascending; array fields contribute each element. */
  distinct(query: DistinctQuery): Promise<FilterValue[]>;
  /** Starts rebuilding the index from scratch (the reindex command). */
  startRebuild(): Promise<IndexRebuild>;
  /** Releases connections; the backend is unusable afterwards. */
  close(): Promise<void>;
}

/** Injection token of the configured backend. */
export const SEARCH_BACKEND = Symbol('SEARCH_BACKEND');
