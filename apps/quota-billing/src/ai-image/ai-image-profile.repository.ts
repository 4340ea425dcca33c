import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AiImageKeyStatus, UpdateAiImageKeyBody } from '@mp/contracts';
import { DataSource } from 'typeorm';
import { ApiKeyEntity } from '../api-keys/api-key.entity';
import { aiImageTables, returnedRows } from './ai-image-tables';

/** A kikaku key's profile as stored; `quotaLimit` null means the deployment default applies. */
export interface ProfileRow {
  keyId: string;
  ownerName: string | null;
  email: string | null;
  quotaLimit: number | null;
  used: number;
  reserved: number;
  status: AiImageKeyStatus;
  expiresAt: Date | null;
  rateLimitPerMinute: number | null;
}

interface RawProfile {
  key_id: string;
  owner_name: string | null;
  email: string | null;
  quota_limit: string | null;
  used_count: string;
  reserved_count: string;
  status: AiImageKeyStatus;
  expires_at: Date | null;
  rate_limit_per_minute: number | null;
}

const COLUMNS = `"key_id", "owner_name", "email", "quota_limit", "used_count", "reserved_count", "status", "expires_at", "rate_limit_per_minute"`;

/** Body fields of the admin PATCH and the column each one sets. */
const PATCHABLE: Record<keyof UpdateAiImageKeyBody, string> = {
  owner_name: 'owner_name',
  email: 'email',
  quota_limit: 'quota_limit',
  used_count: 'used_count',
  status: 'status',
  expires_at: 'expires_at',
  rate_limit_per_minute: 'rate_limit_per_minute',
};

/** SQL of the AI Image profiles. A kikaku key gets its row on first use, with every default. */
@Injectable()
export class AiImageProfileRepository {
  private readonly table;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.table = aiImageTables(dataSource);
  }

  /** Creates the profile of the team's kikaku key if it has none; false when the team has no such key. */
  async ensure(teamId: string, keyId: string): Promise<boolean> {
    await this.dataSource.query(
      `INSERT INTO ${this.table('ai_image_profiles')} ("key_id", "team_id")
       SELECT "id", "team_id" FROM ${this.table('api_keys')} WHERE "id" = $1 AND "team_id" = $2 AND "kind" = 'kikaku'
       ON CONFLICT ("key_id") DO NOTHING`,
      [keyId, teamId],
    );
    // A statement of its own: a row a concurrent call inserted is visible only to a later snapshot.
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM ${this.table('ai_image_profiles')} WHERE "key_id" = $1 AND "team_id" = $2`,
      [keyId, teamId],
    );
    return rows.length > 0;
  }

  /** The team's key (any kind), null when the team has no such key. */
  async findKey(teamId: string, keyId: string): Promise<ApiKeyEntity | null> {
    return this.dataSource.manager.findOne(ApiKeyEntity, { where: { id: keyId, team_id: teamId } });
  }

  async read(teamId: string, keyId: string): Promise<ProfileRow | null> {
    const rows: RawProfile[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${this.table('ai_image_profiles')} WHERE "key_id" = $1 AND "team_id" = $2`,
      [keyId, teamId],
    );
    return rows[0] ? toProfile(rows[0]) : null;
  }

  async listByTeam(teamId: string): Promise<ProfileRow[]> {
    const rows: RawProfile[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${this.table('ai_image_profiles')} WHERE "team_id" = $1`,
      [teamId],
    );
    return rows.map(toProfile);
  }

  /** Sets the fields present in `patch` (an existing profile); the row after the change. */
  async update(teamId: string, keyId: string, patch: UpdateAiImageKeyBody): Promise<ProfileRow | null> {
    const sets: string[] = [];
    const values: unknown[] = [keyId, teamId];
    for (const [field, column] of Object.entries(PATCHABLE) as [keyof UpdateAiImageKeyBody, string][]) {
      if (patch[field] === undefined) continue;
      values.push(patch[field]);
      sets.push(`"${column}" = $${values.length}`);
    }
    const rows = returnedRows<RawProfile>(
      await this.dataSource.query(
        `UPDATE ${this.table('ai_image_profiles')} SET ${[...sets, '"updated_at" = now()'].join(', ')}
          WHERE "key_id" = $1 AND "team_id" = $2 RETURNING ${COLUMNS}`,
        values,
      ),
    );
    return rows[0] ? toProfile(rows[0]) : null;
  }
}

function toProfile(raw: RawProfile): ProfileRow {
  return {
    keyId: raw.key_id,
    ownerName: raw.owner_name,
    email: raw.email,
    quotaLimit: raw.quota_limit === null ? null : Number(raw.quota_limit),
    used: Number(raw.used_count),
    reserved: Number(raw.reserved_count),
    status: raw.status,
    expiresAt: raw.expires_at,
    rateLimitPerMinute: raw.rate_limit_per_minute,
  };
}
