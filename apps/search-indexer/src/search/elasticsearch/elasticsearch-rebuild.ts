import type { Client } from '@elastic/elasticsearch';
import { FileDocument } from '@mp/contracts';
import { IndexRebuild } from '../search-backend';
import { bulkWrite } from './elasticsearch-bulk';
import { ElasticsearchIndexManager } from './elasticsearch-index.manager';
import { buildUpsertOperations } from './elasticsearch-query.builder';

/** Margin for clocks of several indexer instances stamping `indexed_at`. */
const CLOCK_MARGIN_MS = 60_000;

/**
 * Fills a new versioned index while the alias keeps serving the old one, then: copies what the old
 * index learned meanwhile (newer versions by external version, every tombstone), moves the alias,
 * copies once more what was written to the old index until the move, and drops it.
 */
export class ElasticsearchRebuild implements IndexRebuild {
  private constructor(
    private readonly client: Client,
    private readonly indexes: ElasticsearchIndexManager,
    private readonly previous: string,
    private readonly next: string,
    private readonly startedAt: Date,
  ) {}

  static async start(client: Client, indexes: ElasticsearchIndexManager): Promise<ElasticsearchRebuild> {
    const previous = await indexes.current();
    const startedAt = new Date();
    const next = await indexes.createNext();
    return new ElasticsearchRebuild(client, indexes, previous, next, startedAt);
  }

  async write(documents: readonly FileDocument[]): Promise<void> {
    await bulkWrite(this.client, buildUpsertOperations(this.next, documents, new Date()));
  }

  async finish(): Promise<{ documents: number }> {
    await this.carryOver(this.startedAt);
    const swappedAt = new Date();
    await this.indexes.swap(this.previous, this.next);
    await this.carryOver(swappedAt);
    await this.indexes.drop(this.previous);
    const { count } = await this.client.count({
      index: this.indexes.alias,
      query: { bool: { must_not: [{ exists: { field: 'deleted_at' } }] } },
    });
    return { documents: count };
  }

  async abort(): Promise<void> {
    await this.indexes.drop(this.next);
  }

  /** Documents indexed in the old index since `since` and all tombstones, applied only where newer. */
  private async carryOver(since: Date): Promise<void> {
    await this.client.indices.refresh({ index: this.previous });
    await this.client.reindex({
      source: {
        index: this.previous,
        query: {
          bool: {
            should: [
              { range: { indexed_at: { gte: new Date(since.getTime() - CLOCK_MARGIN_MS).toISOString() } } },
              { exists: { field: 'deleted_at' } },
            ],
            minimum_should_match: 1,
          },
        },
      },
      dest: { index: this.next, version_type: 'external' },
      conflicts: 'proceed',
      refresh: true,
      wait_for_completion: true,
    });
  }
}
