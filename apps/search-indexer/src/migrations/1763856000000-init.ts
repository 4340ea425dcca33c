import { outboxTableSql } from '@mp/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1763856000000 implements MigrationInterface {
  name = 'Init1763856000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of outboxTableSql('search')) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "search"."outbox"');
  }
}
