import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { insertReturning } from '@mp/platform';
import { DataSource } from 'typeorm';
import { redactQueryError } from '../database/query-errors';
import { ApiKeyEntity } from './api-key.entity';

export type NewApiKey = Pick<ApiKeyEntity, 'team_id' | 'user_id' | 'kind' | 'name' | 'key_hash' | 'hint' | 'app_key'>;

/** What authentication needs of a live key: everything but the name and hint, and a kikaku key's own rate limit. */
export type ActiveKey = Pick<ApiKeyEntity, 'id' | 'team_id' | 'user_id' | 'kind' | 'app_key' | 'last_used_at'> & {
  /** Null unless the key has an AI Image profile. */
  rate_limit_per_minute: number | null;
};

const LAST_USED_INTERVAL_SECONDS = 60;

@Injectable()
export class ApiKeyRepository {
  private readonly table: string;

  private readonly profiles: string;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    const { schema, tableName } = dataSource.getMetadata(ApiKeyEntity);
    this.table = schema ? `"${schema}"."${tableName}"` : `"${tableName}"`;
    this.profiles = schema ? `"${schema}"."ai_image_profiles"` : `"ai_image_profiles"`;
  }

  /**
   * The unrevoked key with this hash: one probe of the unique index on `key_hash` (and of the
   * profile's primary key), issued as plain SQL because it runs on every request of every dialect.
   */
  async findActiveByHash(keyHash: string): Promise<ActiveKey | null> {
    try {
      const rows: ActiveKey[] = await this.dataSource.query(
        `SELECT k."id", k."team_id", k."user_id", k."kind", k."app_key", k."last_used_at", p."rate_limit_per_minute"
           FROM ${this.table} k LEFT JOIN ${this.profiles} p ON p."key_id" = k."id"
          WHERE k."key_hash" = $1 AND k."revoked_at" IS NULL`,
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
      return await insertReturning(this.dataSource.manager, ApiKeyEntity, key);
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
