import { runService, ServiceRunOptions } from '@mp/platform';
import { SearchIndexerConfig } from './app.config';
import { SearchIndexerAppModule } from './app.module';

export function startSearchIndexer(config: SearchIndexerConfig, options: ServiceRunOptions = {}) {
  return runService(SearchIndexerAppModule.register(config), config, config.HTTP_PORT, options);
}
