import { DataSource } from 'typeorm';
import {
  BatchWriteResult,
  DistinctQuery,
  FilterValue,
  IndexedFile,
  IndexRebuild,
  RemoveOptions,
  SearchBackend,
  SearchPage,
  SearchQuery,
  UpsertManyOptions,
  UpsertOptions,
  WriteResult,
} from '../search-backend';
import { buildDistinctStatement } from './postgres-distinct.builder';
import {
  buildRemoveStatement,
  buildSearchStatement,
  buildUpsertManyStatement,
  SqlStatement,
} from './postgres-query.builder';
import { PostgresRebuild } from './postgres-rebuild';

interface SearchRow {
  total: string;
  file_id: string | null;
  object_key: string;
  filename: string;
  content_type: string;
  size: string;
  folder: string;
  created_at: Date;
  expires_at: Date | null;
  metadata: Record<string, unknown>;
}

/** The search index as the typed table `search.file_documents` (see the file-documents migration). */
export class PostgresSearchBackend implements SearchBackend {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(options: UpsertOptions): Promise<WriteResult> {
    const { applied } = await this.upsertMany({ documents: [options.document] });
    return { applied: applied.length > 0 };
  }

  async upsertMany(options: UpsertManyOptions): Promise<BatchWriteResult> {
    if (options.documents.length === 0) return { applied: [] };
    const rows = await this.run<{ file_id: string }>(buildUpsertManyStatement(options.documents));
    return { applied: rows.map((r) => r.file_id) };
  }

  async remove(options: RemoveOptions): Promise<WriteResult> {
    return { applied: (await this.run(buildRemoveStatement(options))).length > 0 };
  }

  async search(query: SearchQuery): Promise<SearchPage> {
    const rows = await this.run<SearchRow>(buildSearchStatement(query));
    const files: IndexedFile[] = rows
      .filter((r) => r.file_id !== null)
      .map((r) => ({
        file_id: r.file_id as string,
        object_key: r.object_key,
        filename: r.filename,
        content_type: r.content_type,
        size: Number(r.size),
        folder: r.folder,
        created_at: r.created_at,
        expires_at: r.expires_at,
        metadata: r.metadata,
      }));
    return { total: rows.length ? Number(rows[0].total) : 0, files };
  }

  async distinct(query: DistinctQuery): Promise<FilterValue[]> {
    const rows = await this.run<{ value: FilterValue }>(buildDistinctStatement(query));
    return rows.map((r) => r.value);
  }

  startRebuild(): Promise<IndexRebuild> {
    return PostgresRebuild.start(this.dataSource);
  }

  /** The data source belongs to the platform module, which closes it. */
  async close(): Promise<void> {}

  private run<T = unknown>(statement: SqlStatement): Promise<T[]> {
    return this.dataSource.query(statement.text, statement.values);
  }
}
