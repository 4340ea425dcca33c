import { ServiceRunOptions, startService } from '@mp/platform';
import { FilesConfig } from './app.config';
import { FilesAppModule } from './app.module';

export function startFiles(config: FilesConfig, options: ServiceRunOptions = {}) {
  return startService({ module: FilesAppModule.register(config), config, port: options.port ?? config.HTTP_PORT, handleSignals: options.handleSignals });
}
