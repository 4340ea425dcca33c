import 'reflect-metadata';
import { loadConfig } from '@mp/platform';
import { quotaBillingConfigSchema } from './app.config';
import { startQuotaBilling } from './start';

startQuotaBilling(loadConfig(quotaBillingConfigSchema)).catch((err) => {
  console.error(err);
  process.exit(1);
});
