import 'reflect-metadata';
import { loadConfig, migrateAndExit } from '@mp/platform';
import { bucketsConfigSchema } from './app.config';
import { DB_SCHEMA } from './app.module';
import { migrations } from './migrations';

const config = loadConfig(bucketsConfigSchema);
void migrateAndExit({ databaseUrl: config.DATABASE_URL, schema: DB_SCHEMA, migrations });
