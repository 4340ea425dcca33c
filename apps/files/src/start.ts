import { runService, ServiceRunOptions } from '@mp/platform';
import { FilesConfig } from './app.config';
import { FilesAppModule, FilesAppOverrides } from './app.module';

export function startFiles(config: FilesConfig, options: ServiceRunOptions = {}, overrides: FilesAppOverrides = {}) {
  return runService(FilesAppModule.register(config, overrides), config, config.HTTP_PORT, options);
}
