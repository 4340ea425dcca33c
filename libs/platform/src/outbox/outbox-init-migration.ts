import { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTableSql } from './outbox-table.sql';

/**
 * Base of every app's first migration: the outbox table in the app's schema. The app's migration
 * extends it and keeps its own class name and `name`, the key TypeORM records it under.
 */
export function outboxInitMigration(schema: string): new () => MigrationInterface {
  return class OutboxInitMigration implements MigrationInterface {
    async up(queryRunner: QueryRunner): Promise<void> {
      for (const sql of outboxTableSql(schema)) await queryRunner.query(sql);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`DROP TABLE "${schema}"."outbox"`);
    }
  };
}
