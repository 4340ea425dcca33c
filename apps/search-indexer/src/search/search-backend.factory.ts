import { Provider } from '@nestjs/common';
import { APP_CONFIG } from '@mp/platform';
import { DataSource } from 'typeorm';
import { SearchIndexerConfig } from '../app.config';
import { PostgresSearchBackend } from './postgres/postgres-search.backend';
import { SEARCH_BACKEND, SearchBackend } from './search-backend';

/** Picks the backend named by `SEARCH_BACKEND` (validated at boot). */
export function createSearchBackend(options: { config: SearchIndexerConfig; dataSource: DataSource }): SearchBackend {
  const name = options.config.SEARCH_BACKEND;
  switch (name) {
    case 'postgres':
      return new PostgresSearchBackend(options.dataSource);
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
