import 'reflect-metadata';
import { loadConfig, migrateAndExit } from '@mp/platform';
import { quotaBillingConfigSchema } from './app.config';
import { DB_SCHEMA } from './app.module';
import { migrations } from './migrations';

const config = loadConfig(quotaBillingConfigSchema);
void migrateAndExit({ databaseUrl: config.DATABASE_URL, schema: DB_SCHEMA, migrations });
