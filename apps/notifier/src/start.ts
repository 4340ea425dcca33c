import { ServiceRunOptions, startService } from '@mp/platform';
import { NotifierConfig } from './app.config';
import { NotifierAppModule } from './app.module';

export function startNotifier(config: NotifierConfig, options: ServiceRunOptions = {}) {
  return startService({
    module: NotifierAppModule.register(config),
    config,
    port: options.port ?? config.HTTP_PORT,
    handleSignals: options.handleSignals,
  });
}
