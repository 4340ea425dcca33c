import { runService, ServiceRunOptions } from '@mp/platform';
import { BucketsConfig } from './app.config';
import { BucketsAppModule } from './app.module';

export function startBuckets(config: BucketsConfig, options: ServiceRunOptions = {}) {
  return runService(BucketsAppModule.register(config), config, config.HTTP_PORT, options);
}
