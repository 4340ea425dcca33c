import 'reflect-metadata';
import { loadConfig } from '@mp/platform';
import { searchIndexerConfigSchema } from './app.config';
import { startSearchIndexer } from './start';

startSearchIndexer(loadConfig(searchIndexerConfigSchema)).catch((err) => {
  console.error(err);
  process.exit(1);
});
