import { ServiceRunOptions, startService } from '@mp/platform';
import { SearchIndexerConfig } from './app.config';
import { SearchIndexerAppModule } from './app.module';

export function startSearchIndexer(config: SearchIndexerConfig, options: ServiceRunOptions = {}) {
  return startService({
    module: SearchIndexerAppModule.register(config),
    config,
    port: options.port ?? config.HTTP_PORT,
    handleSignals: options.handleSignals,
  });
}
