import { runService, ServiceRunOptions } from '@mp/platform';
import { NotifierConfig } from './app.config';
import { NotifierAppModule } from './app.module';

export function startNotifier(config: NotifierConfig, options: ServiceRunOptions = {}) {
  return runService(NotifierAppModule.register(config), config, config.HTTP_PORT, options);
}
