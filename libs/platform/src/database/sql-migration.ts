import { MigrationInterface, QueryRunner } from 'typeorm';

/** The statements of a migration that is plain SQL, run in order. */
export interface MigrationStatements {
  up: readonly string[];
  down: readonly string[];
}

/**
 * Base of a migration that only runs fixed SQL statements. The app's migration extends it and keeps
 * its own class name and `name`, the key TypeORM records it under.
 */
export function sqlMigration(statements: MigrationStatements): new () => MigrationInterface {
  return class SqlMigration implements MigrationInterface {
    async up(queryRunner: QueryRunner): Promise<void> {
      for (const sql of statements.up) await queryRunner.query(sql);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      for (const sql of statements.down) await queryRunner.query(sql);
    }
  };
}
