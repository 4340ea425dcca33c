import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@mp/platform';
import { SearchIndexerConfig } from './app.config';
import { FileIndexingService } from './indexing/file-indexing.service';
import { FileLifecycleConsumer } from './indexing/file-lifecycle.consumer';
import { migrations } from './migrations';
import { FileSearchService } from './search/file-search.service';
import { SearchBackendLifecycle, searchBackendProvider } from './search/search-backend.factory';
import { SearchSchemaService } from './search/search-schema.service';
import { objectStorageProvider } from './storage/object-storage.provider';

export const APP_NAME = 'search-indexer';
export const DB_SCHEMA = 'search';

@Module({})
export class SearchIndexerAppModule {
  static register(config: SearchIndexerConfig): DynamicModule {
    return {
      module: SearchIndexerAppModule,
      imports: [
        PlatformModule.forRoot({
          app: APP_NAME,
          config,
          database: { schema: DB_SCHEMA, entities: [], migrations },
        }),
      ],
      providers: [
        searchBackendProvider,
        SearchBackendLifecycle,
        objectStorageProvider,
        FileIndexingService,
        FileLifecycleConsumer,
        FileSearchService,
        SearchSchemaService,
      ],
    };
  }
}
