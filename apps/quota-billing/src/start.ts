import { runService, ServiceRunOptions } from '@mp/platform';
import { QuotaBillingConfig } from './app.config';
import { QuotaBillingAppModule } from './app.module';

export function startQuotaBilling(config: QuotaBillingConfig, options: ServiceRunOptions = {}) {
  return runService(QuotaBillingAppModule.register(config), config, config.HTTP_PORT, options);
}
