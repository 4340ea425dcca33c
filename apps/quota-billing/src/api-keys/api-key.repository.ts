import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { redactQueryError } from '../database/query-errors';
import { ApiKeyEntity } from './api-key.entity';

export type NewApiKey = Pick<ApiKeyEntity, 'team_id' | 'user_id' | 'kind' | 'name' | 'key_hash' | 'hint' | 'app_key'>;

/** What authentication needs of a live key: everything but the name and hint. */
export type ActiveKey = Pick<ApiKeyEntity, 'id' | 'team_id' | 'user_id' | 'kind' | 'app_key' | 'last_used_at'>;

const LAST_USED_INTERVAL_SECONDS = 60;

@Injectable()
export class ApiKeyRepository {
  private readonly table: string;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    const { schema, tableName } = dataSource.getMetadata(ApiKeyEntity);
    this.table = schema ? `"${schema}"."${tableName}"` : `"${tableName}"`;
  }

  /**
   * The unrevoked key with this hash: one probe of the unique index on `key_hash`, issued as
   * plain SQL because it runs on every request of every dialect.
   */
  async findActiveByHash(keyHash: string): Promise<ActiveKey | null> {
    try {
      const rows: ActiveKey[] = await this.dataSource.query(
        `SELECT "id", "team_id", "user_id", "kind", "app_key", "last_used_at" FROM ${this.table} WHERE "key_hash" = $1 AND "revoked_at" IS NULL`,
        [keyHash],
      );
      return rows[0] ?? null;
    } catch (err) {
      throw redactQueryError(err);
    }
  }

  /** Records a use unless one was recorded in the last minute (by any instance). */
  async touchLastUsed(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.table} SET "last_used_at" = now()
        WHERE "id" = $1 AND ("last_used_at" IS NULL OR "last_used_at" < now() - make_interval(secs => $2))`,
      [id, LAST_USED_INTERVAL_SECONDS],
    );
  }

  /** Fails with a redacted error: a foreign key violation (team, or user of the team) or a unique violation (hash, app key). */
  async insert(key: NewApiKey): Promise<ApiKeyEntity> {
    try {
      const result = await this.dataSource
        .createQueryBuilder()
        .insert()
        .into(ApiKeyEntity)
        .values(key)
        .returning('*')
        .execute();
      return (result.raw as ApiKeyEntity[])[0];
    } catch (err) {
      throw redactQueryError(err);
    }
  }

  listByTeam(teamId: string): Promise<ApiKeyEntity[]> {
    return this.dataSource.manager.find(ApiKeyEntity, {
      where: { team_id: teamId },
      order: { created_at: 'ASC', id: 'ASC' },
    });
  }

  /** Marks the team's key revoked (keeping the first revocation time); null when the team has no such key. */
  async revoke(teamId: string, keyId: string): Promise<ApiKeyEntity | null> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(ApiKeyEntity)
      .set({ revoked_at: () => 'COALESCE("revoked_at", now())' })
      .where('id = :keyId AND team_id = :teamId', { keyId, teamId })
      .returning('*')
      .execute();
    return (result.raw as ApiKeyEntity[])[0] ?? null;
  }
}
