import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface AccountRow {
  user_id: string;
  team_id: string;
  username: string;
  name: string | null;
  password_hash: string;
  is_superuser: boolean;
  is_active: boolean;
  created_at: Date;
}

const SELECT_ACCOUNT = `
  SELECT l."user_id", l."team_id", l."username", u."name", l."password_hash", l."is_superuser", l."is_active", l."created_at"
  FROM "billing"."user_logins" l JOIN "billing"."users" u ON u."id" = l."user_id"`;

/** Password logins of users (raw SQL: the rows never leave this app with their hash). */
@Injectable()
export class AccountRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The user and its login in one transaction; unique/foreign-key violations propagate. */
  async create(account: {
    team_id: string;
    username: string;
    name: string | null;
    password_hash: string;
    is_superuser: boolean;
  }): Promise<AccountRow> {
    return this.dataSource.transaction(async (manager) => {
      const [user] = (await manager.query(
        `INSERT INTO "billing"."users" ("team_id", "email", "name") VALUES ($1, $2, $3) RETURNING "id"`,
        [account.team_id, account.username, account.name],
      )) as Array<{ id: string }>;
      await manager.query(
        `INSERT INTO "billing"."user_logins" ("user_id", "team_id", "username", "password_hash", "is_superuser") VALUES ($1, $2, $3, $4, $5)`,
        [user.id, account.team_id, account.username, account.password_hash, account.is_superuser],
      );
      const rows = (await manager.query(`${SELECT_ACCOUNT} WHERE l."user_id" = $1`, [user.id])) as AccountRow[];
      return rows[0];
    });
  }

  async findByUsername(username: string): Promise<AccountRow | null> {
    const rows = (await this.dataSource.query(`${SELECT_ACCOUNT} WHERE lower(l."username") = lower($1)`, [
      username,
    ])) as AccountRow[];
    return rows[0] ?? null;
  }

  async findByUserId(userId: string): Promise<AccountRow | null> {
    const rows = (await this.dataSource.query(`${SELECT_ACCOUNT} WHERE l."user_id" = $1`, [userId])) as AccountRow[];
    return rows[0] ?? null;
  }

  /** Applies the given changes to a login of the team; null when there is none. */
  async update(
    teamId: string,
    userId: string,
    changes: { password_hash?: string; is_superuser?: boolean; is_active?: boolean },
  ): Promise<AccountRow | null> {
    const result = (await this.dataSource.query(
      `UPDATE "billing"."user_logins" SET
         "password_hash" = COALESCE($3, "password_hash"),
         "is_superuser" = COALESCE($4, "is_superuser"),
         "is_active" = COALESCE($5, "is_active"),
         "updated_at" = now()
       WHERE "team_id" = $1 AND "user_id" = $2 RETURNING "user_id"`,
      [teamId, userId, changes.password_hash ?? null, changes.is_superuser ?? null, changes.is_active ?? null],
    )) as [Array<{ user_id: string }>, number];
    return result[0].length ? this.findByUserId(userId) : null;
  }

  async organizationIdsOf(userId: string): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT "organization_id" FROM "billing"."organization_members" WHERE "user_id" = $1 ORDER BY "created_at", "organization_id"`,
      [userId],
    )) as Array<{ organization_id: string }>;
    return rows.map((r) => r.organization_id);
  }
}
