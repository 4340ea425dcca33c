import 'reflect-metadata';
import { loadConfig } from '@mp/platform';
import { filesConfigSchema } from './app.config';
import { startFiles } from './start';

startFiles(loadConfig(filesConfigSchema)).catch((err) => {
  console.error(err);
  process.exit(1);
});
