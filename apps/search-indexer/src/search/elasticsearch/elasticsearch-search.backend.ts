import { Client } from '@elastic/elasticsearch';
import { DomainError } from '@mp/contracts';
import {
  BatchWriteResult,
  DistinctQuery,
  FilterValue,
  IndexRebuild,
  RemoveOptions,
  SearchBackend,
  SearchPage,
  SearchQuery,
  UpsertManyOptions,
  UpsertOptions,
  WriteResult,
} from '../search-backend';
import { bulkWrite } from './elasticsearch-bulk';
import { ElasticsearchIndexManager } from './elasticsearch-index.manager';
import { MAX_RESULT_WINDOW } from './elasticsearch-mapping';
import {
  buildDistinctBody,
  buildRemoveOperations,
  buildSearchBody,
  buildUpsertOperations,
  DISTINCT_AGG,
  HIT_SOURCE,
} from './elasticsearch-query.builder';
import { ElasticsearchRebuild } from './elasticsearch-rebuild';

type HitSource = Record<(typeof HIT_SOURCE)[number], unknown>;

export interface ElasticsearchBackendOptions {
  node: string;
  /** Alias readers and writers use. */
  alias: string;
  /** Make writes visible to search before they return (tests); indexing otherwise relies on the refresh interval. */
  refreshOnWrite?: boolean;
}

/** The search index in Elasticsearch, through an alias over a versioned index (see ElasticsearchIndexManager). */
export class ElasticsearchSearchBackend implements SearchBackend {
  private readonly indexes: ElasticsearchIndexManager;

  private constructor(
    private readonly client: Client,
    private readonly options: ElasticsearchBackendOptions,
  ) {
    this.indexes = new ElasticsearchIndexManager(client, options.alias);
  }

  /** Connects and makes sure the alias and its first index exist. */
  static async create(options: ElasticsearchBackendOptions): Promise<ElasticsearchSearchBackend> {
    const backend = new ElasticsearchSearchBackend(new Client({ node: options.node }), options);
    try {
      await backend.indexes.ensure();
    } catch (err) {
      await backend.close();
      throw err;
    }
    return backend;
  }

  async upsert(options: UpsertOptions): Promise<WriteResult> {
    const { applied } = await this.upsertMany({ documents: [options.document] });
    return { applied: applied.length > 0 };
  }

  async upsertMany(options: UpsertManyOptions): Promise<BatchWriteResult> {
    const operations = buildUpsertOperations(this.indexes.alias, options.documents, new Date());
    return { applied: await bulkWrite(this.client, operations, { refresh: this.options.refreshOnWrite }) };
  }

  async remove(options: RemoveOptions): Promise<WriteResult> {
    const applied = await bulkWrite(this.client, buildRemoveOperations(this.indexes.alias, options, new Date()), {
      refresh: this.options.refreshOnWrite,
    });
    return { applied: applied.length > 0 };
  }

  async search(query: SearchQuery): Promise<SearchPage> {
    if (query.page * query.page_size > MAX_RESULT_WINDOW) {
      throw new DomainError(
        'ValidationFailed',
        `page: this deployment pages through the first ${MAX_RESULT_WINDOW} results only; narrow the filters`,
        {
          max_results: MAX_RESULT_WINDOW,
        },
      );
    }
    const response = await this.client.search<HitSource>({ index: this.indexes.alias, ...buildSearchBody(query) });
    const total = typeof response.hits.total === 'number' ? response.hits.total : (response.hits.total?.value ?? 0);
    const files = response.hits.hits.map(({ _source }) => {
      const s = _source as HitSource;
      return {
        file_id: String(s.file_id),
        object_key: String(s.object_key),
        filename: String(s.filename),
        content_type: String(s.content_type),
        size: Number(s.size),
        folder: String(s.folder),
        created_at: new Date(String(s.created_at)),
        expires_at: s.expires_at ? new Date(String(s.expires_at)) : null,
        metadata: (s.metadata ?? {}) as Record<string, unknown>,
      };
    });
    return { total, files };
  }

  async distinct(query: DistinctQuery): Promise<FilterValue[]> {
    const response = await this.client.search({ index: this.indexes.alias, ...buildDistinctBody(query) });
    const agg = response.aggregations?.[DISTINCT_AGG] as
      { buckets: { key: string | number; key_as_string?: string }[] } | undefined;
    return (agg?.buckets ?? []).map((b) =>
      b.key_as_string === 'true' || b.key_as_string === 'false' ? b.key_as_string === 'true' : b.key,
    );
  }

  startRebuild(): Promise<IndexRebuild> {
    return ElasticsearchRebuild.start(this.client, this.indexes);
  }

  /** Makes every write so far visible to search (tests, the reindex command). */
  async refresh(): Promise<void> {
    await this.client.indices.refresh({ index: this.indexes.alias });
  }

  /** Deletes the alias's indexes (test clean-up). */
  async dropAll(): Promise<void> {
    await this.client.indices.delete({
      index: `${this.options.alias}-v*`,
      ignore_unavailable: true,
      allow_no_indices: true,
    });
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
