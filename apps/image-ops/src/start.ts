import { runService, ServiceRunOptions } from '@mp/platform';
import { ImageOpsConfig } from './app.config';
import { ImageOpsAppModule } from './app.module';

export function startImageOps(config: ImageOpsConfig, options: ServiceRunOptions = {}) {
  return runService(ImageOpsAppModule.register(config), config, config.HTTP_PORT, options);
}
