import { ServiceRunOptions, startService } from '@mp/platform';
import { ImageOpsConfig } from './app.config';
import { ImageOpsAppModule } from './app.module';

export function startImageOps(config: ImageOpsConfig, options: ServiceRunOptions = {}) {
  return startService({
    module: ImageOpsAppModule.register(config),
    config,
    port: options.port ?? config.HTTP_PORT,
    handleSignals: options.handleSignals,
  });
}
