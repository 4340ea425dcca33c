import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import { APP_CONFIG } from '@mp/platform';
import { DataSource } from 'typeorm';
import { SearchIndexerConfig, selectedBackend } from '../app.config';
import { ElasticsearchSearchBackend } from './elasticsearch/elasticsearch-search.backend';
import { PostgresSearchBackend } from './postgres/postgres-search.backend';
import { SEARCH_BACKEND, SearchBackend } from './search-backend';

/** Elasticsearch alias of a namespace, so environments sharing a cluster never meet. */
export function elasticsearchAlias(config: Pick<SearchIndexerConfig, 'NAMESPACE' | 'ELASTICSEARCH_INDEX'>): string {
  return `${config.NAMESPACE}-${config.ELASTICSEARCH_INDEX}`;
}

/** Picks the backend the config selects (validated at boot). */
export async function createSearchBackend(options: {
  config: SearchIndexerConfig;
  dataSource: DataSource;
}): Promise<SearchBackend> {
  const { config } = options;
  const name = selectedBackend(config);
  switch (name) {
    case 'postgres':
      return new PostgresSearchBackend(options.dataSource);
    case 'elasticsearch':
      return ElasticsearchSearchBackend.create({
        node: config.ELASTICSEARCH_URL as string,
        alias: elasticsearchAlias(config),
      });
    default: {
      const unsupported: never = name;
      throw new Error(`Unsupported SEARCH_BACKEND "${String(unsupported)}"`);
    }
  }
}

export const searchBackendProvider: Provider = {
  provide: SEARCH_BACKEND,
  inject: [APP_CONFIG, DataSource],
  useFactory: (config: SearchIndexerConfig, dataSource: DataSource) => createSearchBackend({ config, dataSource }),
};

/** Closes the backend's own connections at shutdown, after consumers have stopped. */
@Injectable()
export class SearchBackendLifecycle implements OnApplicationShutdown {
  constructor(@Inject(SEARCH_BACKEND) private readonly backend: SearchBackend) {}

  async onApplicationShutdown(): Promise<void> {
    await this.backend.close();
  }
}
