import { FileDocument } from '@mp/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { IndexRebuild } from '../search-backend';
import { buildUpsertManyStatement, DOCUMENT_COLUMNS, ident } from './postgres-query.builder';

const SCHEMA = 'search';
const LIVE = 'file_documents';
const NEXT = 'file_documents_rebuild';
const OLD = 'file_documents_replaced';
const q = (table: string) => `"${SCHEMA}"."${table}"`;
const ALL_COLUMNS = [...DOCUMENT_COLUMNS, 'deleted_at', 'indexed_at'].map(ident);

/**
 * Rebuilds `search.file_documents` into a fresh table while the live one keeps serving and indexing:
 * rows are loaded without secondary indexes, the live table's indexes are recreated on the new one,
 * then, with writers locked out, changes the live table saw since the start (newer versions and every
 * tombstone) are carried over and the tables are swapped, index names included.
 */
export class PostgresRebuild implements IndexRebuild {
  private constructor(
    private readonly dataSource: DataSource,
    private readonly startedAt: Date,
  ) {}

  static async start(dataSource: DataSource): Promise<PostgresRebuild> {
    await dataSource.query(`DROP TABLE IF EXISTS ${q(NEXT)}`);
    await dataSource.query(`CREATE TABLE ${q(NEXT)} (LIKE ${q(LIVE)} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
    await dataSource.query(`ALTER TABLE ${q(NEXT)} ADD CONSTRAINT "${NEXT}_pkey" PRIMARY KEY ("file_id")`);
    const [{ now }] = await dataSource.query('SELECT now() AS now');
    return new PostgresRebuild(dataSource, now);
  }

  async write(documents: readonly FileDocument[]): Promise<void> {
    if (documents.length === 0) return;
    const statement = buildUpsertManyStatement(documents, q(NEXT));
    await this.dataSource.query(statement.text, statement.values);
  }

  async finish(): Promise<{ documents: number }> {
    const indexes: { name: string; def: string }[] = await this.dataSource.query(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = $1 AND tablename = $2 AND indexname <> $3`,
      [SCHEMA, LIVE, `${LIVE}_pkey`],
    );
    for (const index of indexes) await this.dataSource.query(rebuildIndexDef(index));
    await this.dataSource.query(`ANALYZE ${q(NEXT)}`);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`LOCK TABLE ${q(LIVE)} IN EXCLUSIVE MODE`);
      await this.carryOver(manager);
      await manager.query(`ALTER TABLE ${q(LIVE)} RENAME TO "${OLD}"`);
      await manager.query(`ALTER TABLE ${q(OLD)} RENAME CONSTRAINT "${LIVE}_pkey" TO "${OLD}_pkey"`);
      await manager.query(`ALTER TABLE ${q(NEXT)} RENAME TO "${LIVE}"`);
      await manager.query(`DROP TABLE ${q(OLD)}`);
      await manager.query(`ALTER TABLE ${q(LIVE)} RENAME CONSTRAINT "${NEXT}_pkey" TO "${LIVE}_pkey"`);
      for (const index of indexes)
        await manager.query(`ALTER INDEX "${SCHEMA}"."${rebuildName(index.name)}" RENAME TO "${index.name}"`);
    });
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM ${q(LIVE)} WHERE "deleted_at" IS NULL`);
    return { documents: n };
  }

  async abort(): Promise<void> {
    await this.dataSource.query(`DROP TABLE IF EXISTS ${q(NEXT)}`);
  }

  /** Newer live versions written since the start, then every tombstone (deletion is final). */
  private async carryOver(manager: EntityManager): Promise<void> {
    const columns = ALL_COLUMNS.join(', ');
    const replace = ALL_COLUMNS.filter((c) => c !== '"file_id"')
      .map((c) => `${c} = EXCLUDED.${c}`)
      .join(', ');
    await manager.query(
      `INSERT INTO ${q(NEXT)} AS d (${columns}) SELECT ${columns} FROM ${q(LIVE)} WHERE "deleted_at" IS NULL AND "indexed_at" >= $1
       ON CONFLICT ("file_id") DO UPDATE SET ${replace} WHERE d."deleted_at" IS NULL AND d."updated_at" < EXCLUDED."updated_at"`,
      [this.startedAt],
    );
    await manager.query(
      `INSERT INTO ${q(NEXT)} AS d (${columns}) SELECT ${columns} FROM ${q(LIVE)} WHERE "deleted_at" IS NOT NULL
       ON CONFLICT ("file_id") DO UPDATE SET ${replace} WHERE d."deleted_at" IS NULL`,
    );
  }
}

const rebuildName = (name: string) => `${name.slice(0, 50)}__rebuild`;

/** `CREATE INDEX name ON search.file_documents …` → the same index on the rebuild table. */
function rebuildIndexDef(index: { name: string; def: string }): string {
  const on = ` ON ${SCHEMA}.${LIVE} `;
  if (!index.def.includes(on)) throw new Error(`Unexpected index definition: ${index.def}`);
  return index.def.replace(` ${index.name} ON`, ` "${rebuildName(index.name)}" ON`).replace(on, ` ON ${q(NEXT)} `);
}
