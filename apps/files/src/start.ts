import { ServiceRunOptions, startService } from '@mp/platform';
import { FilesConfig } from './app.config';
import { FilesAppModule, FilesAppOverrides } from './app.module';

export function startFiles(config: FilesConfig, options: ServiceRunOptions = {}, overrides: FilesAppOverrides = {}) {
  return startService({
    module: FilesAppModule.register(config, overrides),
    config,
    port: options.port ?? config.HTTP_PORT,
    handleSignals: options.handleSignals,
  });
}
