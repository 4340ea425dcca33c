import { DynamicModule, Module } from '@nestjs/common';
import { serviceModule } from '@mp/platform';
import { StorageModule } from '@mp/storage';
import { SearchIndexerConfig } from './app.config';
import { FileIndexingService } from './indexing/file-indexing.service';
import { FileLifecycleConsumer } from './indexing/file-lifecycle.consumer';
import { migrations } from './migrations';
import { FileSearchService } from './search/file-search.service';
import { SearchBackendLifecycle, searchBackendProvider } from './search/search-backend.factory';
import { SearchSchemaService } from './search/search-schema.service';

export const APP_NAME = 'search-indexer';
export const DB_SCHEMA = 'search';

@Module({})
export class SearchIndexerAppModule {
  static register(config: SearchIndexerConfig): DynamicModule {
    return serviceModule(
      SearchIndexerAppModule,
      {
        app: APP_NAME,
        config,
        database: { schema: DB_SCHEMA, entities: [], migrations },
      },
      {
        imports: [
          // Only signs download URLs of hits (no network call); the bucket is left to `files`.
          StorageModule.forRoot({ settings: config }),
        ],
        providers: [
          searchBackendProvider,
          SearchBackendLifecycle,
          FileIndexingService,
          FileLifecycleConsumer,
          FileSearchService,
          SearchSchemaService,
        ],
      },
    );
  }
}
