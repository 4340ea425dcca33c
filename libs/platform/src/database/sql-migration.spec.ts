import type { QueryRunner } from 'typeorm';
import { sqlMigration } from './sql-migration';

class AddColumn1700000000000 extends sqlMigration({
  up: ['ALTER TABLE "s"."t" ADD COLUMN "c" text', 'CREATE INDEX "t_c_idx" ON "s"."t" ("c")'],
  down: ['DROP INDEX "s"."t_c_idx"', 'ALTER TABLE "s"."t" DROP COLUMN "c"'],
}) {
  override name = 'AddColumn1700000000000';
}

function recordingRunner(): { runner: QueryRunner; ran: string[] } {
  const ran: string[] = [];
  const runner = { query: async (sql: string) => void ran.push(sql) } as unknown as QueryRunner;
  return { runner, ran };
}

describe('sqlMigration', () => {
  it('runs the up statements in order', async () => {
    const { runner, ran } = recordingRunner();
    await new AddColumn1700000000000().up(runner);
    expect(ran).toEqual(['ALTER TABLE "s"."t" ADD COLUMN "c" text', 'CREATE INDEX "t_c_idx" ON "s"."t" ("c")']);
  });

  it('runs the down statements in order', async () => {
    const { runner, ran } = recordingRunner();
    await new AddColumn1700000000000().down(runner);
    expect(ran).toEqual(['DROP INDEX "s"."t_c_idx"', 'ALTER TABLE "s"."t" DROP COLUMN "c"']);
  });

  it('keeps the name the migration is recorded under', () => {
    expect(new AddColumn1700000000000().name).toBe('AddColumn1700000000000');
  });
});
