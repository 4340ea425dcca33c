import { ServiceRunOptions, startService } from '@mp/platform';
import { GenerationBrokerConfig } from './app.config';
import { GenerationBrokerAppModule } from './app.module';

export function startGenerationBroker(config: GenerationBrokerConfig, options: ServiceRunOptions = {}) {
  return startService({
    module: GenerationBrokerAppModule.register(config),
    config,
    port: options.port ?? config.HTTP_PORT,
    handleSignals: options.handleSignals,
  });
}
