import { DataSource } from 'typeorm';
import { IndexedFile, RemoveOptions, SearchBackend, SearchPage, SearchQuery, UpsertOptions, WriteResult } from '../search-backend';
import { buildRemoveStatement, buildSearchStatement, buildUpsertStatement, SqlStatement } from './postgres-query.builder';

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
    return { applied: (await this.run(buildUpsertStatement(options.document))).length > 0 };
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

  private run<T = unknown>(statement: SqlStatement): Promise<T[]> {
    return this.dataSource.query(statement.text, statement.values);
  }
}
