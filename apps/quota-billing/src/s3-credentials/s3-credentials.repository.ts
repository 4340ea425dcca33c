import { Injectable } from '@nestjs/common';
import { ApiKeyKind } from '@mp/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiKeyEntity } from '../api-keys/api-key.entity';
import { redactQueryError } from '../database/query-errors';

export interface StoredS3Credentials {
  key_id: string;
  access_key_id: string;
  sealed_secret: string;
  created_at: Date;
}

/** A live key with its credentials, as SigV4 verification resolves an access key id. */
export interface ResolvedRow extends StoredS3Credentials {
  team_id: string;
  user_id: string | null;
  kind: ApiKeyKind;
}

/** SQL of `s3_credentials`, one row per `kikaku_s3` key. */
@Injectable()
export class S3CredentialsRepository {
  private readonly schema: string;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.schema = `"${dataSource.getMetadata(ApiKeyEntity).schema ?? 'public'}"`;
  }

  /** The kind of the team's unrevoked key; null when there is no such key. */
  async activeKeyKind(teamId: string, keyId: string): Promise<ApiKeyKind | null> {
    const rows: { kind: ApiKeyKind }[] = await this.query(
      `SELECT "kind" FROM ${this.schema}."api_keys" WHERE "id" = $1 AND "team_id" = $2 AND "revoked_at" IS NULL`,
      [keyId, teamId],
    );
    return rows[0]?.kind ?? null;
  }

  async find(keyId: string): Promise<StoredS3Credentials | null> {
    const rows: StoredS3Credentials[] = await this.query(
      `SELECT "key_id", "access_key_id", "sealed_secret", "created_at" FROM ${this.schema}."s3_credentials" WHERE "key_id" = $1`,
      [keyId],
    );
    return rows[0] ?? null;
  }

  /** Stores the key's first pair; a pair stored meanwhile (a concurrent first use) wins and is returned. */
  async insertIfAbsent(keyId: string, accessKeyId: string, sealedSecret: string): Promise<StoredS3Credentials> {
    await this.query(
      `INSERT INTO ${this.schema}."s3_credentials" ("key_id", "access_key_id", "sealed_secret") VALUES ($1, $2, $3)
       ON CONFLICT ("key_id") DO NOTHING`,
      [keyId, accessKeyId, sealedSecret],
    );
    const stored = await this.find(keyId);
    if (!stored) throw new Error('S3 credentials vanished right after being stored');
    return stored;
  }

  /** Replaces the key's pair (rotation): the old access key id stops resolving at once. */
  async replace(keyId: string, accessKeyId: string, sealedSecret: string): Promise<StoredS3Credentials> {
    const rows: StoredS3Credentials[] = await this.query(
      `INSERT INTO ${this.schema}."s3_credentials" ("key_id", "access_key_id", "sealed_secret") VALUES ($1, $2, $3)
       ON CONFLICT ("key_id") DO UPDATE SET "access_key_id" = EXCLUDED."access_key_id",
         "sealed_secret" = EXCLUDED."sealed_secret", "created_at" = now()
       RETURNING "key_id", "access_key_id", "sealed_secret", "created_at"`,
      [keyId, accessKeyId, sealedSecret],
    );
    return rows[0];
  }

  /** The credentials of `accessKeyId` if their key is live. One probe of the unique index. */
  async resolve(accessKeyId: string): Promise<ResolvedRow | null> {
    const rows: ResolvedRow[] = await this.query(
      `SELECT c."key_id", c."access_key_id", c."sealed_secret", c."created_at", k."team_id", k."user_id", k."kind"
         FROM ${this.schema}."s3_credentials" c JOIN ${this.schema}."api_keys" k ON k."id" = c."key_id"
        WHERE c."access_key_id" = $1 AND k."revoked_at" IS NULL`,
      [accessKeyId],
    );
    return rows[0] ?? null;
  }

  private async query<T>(sql: string, parameters: unknown[]): Promise<T> {
    try {
      return (await this.dataSource.query(sql, parameters)) as T;
    } catch (err) {
      throw redactQueryError(err);
    }
  }
}
