import { runService, ServiceRunOptions } from '@mp/platform';
import { GenerationBrokerConfig } from './app.config';
import { GenerationBrokerAppModule } from './app.module';

export function startGenerationBroker(config: GenerationBrokerConfig, options: ServiceRunOptions = {}) {
  return runService(GenerationBrokerAppModule.register(config), config, config.HTTP_PORT, options);
}
