import 'reflect-metadata';
import { loadConfig } from '@mp/platform';
import { gatewayConfigSchema } from './app.config';
import { startGateway } from './start';

startGateway(loadConfig(gatewayConfigSchema)).catch((err) => {
  console.error(err);
  process.exit(1);
});
