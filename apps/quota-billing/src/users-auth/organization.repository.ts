import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface OrganizationRow {
  id: string;
  team_id: string;
  name: string;
  created_at: Date;
  member_ids: string[];
}

const SELECT_ORGANIZATION = `
  SELECT o."id", o."team_id", o."name", o."created_at",
         COALESCE(array_agg(m."user_id" ORDER BY m."created_at", m."user_id") FILTER (WHERE m."user_id" IS NOT NULL), '{}') AS "member_ids"
  FROM "billing"."organizations" o LEFT JOIN "billing"."organization_members" m ON m."organization_id" = o."id"`;

/** Organisations of a team and their members. */
@Injectable()
export class OrganizationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(teamId: string, name: string): Promise<OrganizationRow> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO "billing"."organizations" ("team_id", "name") VALUES ($1, $2) RETURNING "id"`,
      [teamId, name],
    )) as Array<{ id: string }>;
    return (await this.find(teamId, row.id))!;
  }

  async find(teamId: string, organizationId: string): Promise<OrganizationRow | null> {
    const rows = (await this.dataSource.query(
      `${SELECT_ORGANIZATION} WHERE o."team_id" = $1 AND o."id" = $2 GROUP BY o."id"`,
      [teamId, organizationId],
    )) as OrganizationRow[];
    return rows[0] ?? null;
  }

  /** Idempotent; a user of another team violates the composite foreign key. */
  async addMember(teamId: string, organizationId: string, userId: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "billing"."organization_members" ("organization_id", "user_id", "team_id") VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [organizationId, userId, teamId],
    );
  }

  async removeMember(teamId: string, organizationId: string, userId: string): Promise<boolean> {
    const result = (await this.dataSource.query(
      `DELETE FROM "billing"."organization_members" WHERE "team_id" = $1 AND "organization_id" = $2 AND "user_id" = $3 RETURNING "user_id"`,
      [teamId, organizationId, userId],
    )) as [unknown[], number];
    return result[0].length > 0;
  }
}
