import 'reflect-metadata';
import { loadConfig } from '@mp/platform';
import { bucketsConfigSchema } from './app.config';
import { startBuckets } from './start';

startBuckets(loadConfig(bucketsConfigSchema)).catch((err) => {
  console.error(err);
  process.exit(1);
});
