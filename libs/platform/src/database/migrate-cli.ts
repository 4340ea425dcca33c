import { DataSource } from 'typeorm';
import { ensureDatabase } from './ensure-database';
import { runMigrations } from './run-migrations';

/** Entry point of `node apps/<app>/dist/migrate.js` (the Helm migration Job runs one per app). */
export async function migrateAndExit(options: {
  databaseUrl: string;
  schema: string;
  migrations: Function[];
}): Promise<void> {
  try {
    await ensureDatabase(options.databaseUrl);
    const dataSource = await new DataSource({
      type: 'postgres',
      url: options.databaseUrl,
      schema: options.schema,
      migrations: options.migrations,
      migrationsTableName: 'migrations',
    }).initialize();
    const applied = await runMigrations(dataSource, options.schema);
    await dataSource.destroy();
    console.log(JSON.stringify({ schema: options.schema, applied }));
    process.exit(0);
  } catch (err) {
    console.error(err);
    process.exit(1);
  }
}
