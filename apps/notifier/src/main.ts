import 'reflect-metadata';
import { loadConfig } from '@mp/platform';
import { notifierConfigSchema } from './app.config';
import { startNotifier } from './start';

startNotifier(loadConfig(notifierConfigSchema)).catch((err) => {
  console.error(err);
  process.exit(1);
});
