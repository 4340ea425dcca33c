import 'reflect-metadata';
import { loadConfig } from '@mp/platform';
import { imageOpsConfigSchema } from './app.config';
import { startImageOps } from './start';

startImageOps(loadConfig(imageOpsConfigSchema)).catch((err) => {
  console.error(err);
  process.exit(1);
});
