export * from './database.module';
export * from './ensure-database';
export * from './migrate-cli';
export * from './run-migrations';
export * from './sql-migration';
export * from './insert-returning';
