import { ServiceRunOptions, startService } from '@mp/platform';
import { BucketsConfig } from './app.config';
import { BucketsAppModule } from './app.module';

export function startBuckets(config: BucketsConfig, options: ServiceRunOptions = {}) {
  return startService({
    module: BucketsAppModule.register(config),
    config,
    port: options.port ?? config.HTTP_PORT,
    handleSignals: options.handleSignals,
  });
}
