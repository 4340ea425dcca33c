import 'reflect-metadata';
import { loadConfig } from '@mp/platform';
import { generationBrokerConfigSchema } from './app.config';
import { startGenerationBroker } from './start';

startGenerationBroker(loadConfig(generationBrokerConfigSchema)).catch((err) => {
  console.error(err);
  process.exit(1);
});
