import { ServiceRunOptions, startService } from '@mp/platform';
import { QuotaBillingConfig } from './app.config';
import { QuotaBillingAppModule } from './app.module';

export function startQuotaBilling(config: QuotaBillingConfig, options: ServiceRunOptions = {}) {
  return startService({
    module: QuotaBillingAppModule.register(config),
    config,
    port: options.port ?? config.HTTP_PORT,
    handleSignals: options.handleSignals,
  });
}
