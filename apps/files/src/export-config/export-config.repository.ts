import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ExportImageFormat, MetadataAdapter } from '@mp/contracts';
import { DataSource } from 'typeorm';

export interface ExportConfigRow {
  id: string;
  team_id: string;
  user_id: string;
  organization_id: string | null;
  image_format: ExportImageFormat;
  metadata_adapter: MetadataAdapter;
  created_at: Date;
  updated_at: Date;
}

/** A personal configuration (by user) or an organisation's (by organisation), always within a team. */
export interface ExportOwner {
  team_id: string;
  user_id: string;
  organization_id: string | null;
}

const TABLE = '"files"."export_configurations"';

/** Matches the owner's one configuration: `$1` team, `$2` user or organisation id. */
function ownerWhere(owner: ExportOwner): { sql: string; params: string[] } {
  return owner.organization_id
    ? { sql: `"team_id" = $1 AND "organization_id" = $2`, params: [owner.team_id, owner.organization_id] }
    : {
        sql: `"team_id" = $1 AND "user_id" = $2 AND "organization_id" IS NULL`,
        params: [owner.team_id, owner.user_id],
      };
}

@Injectable()
export class ExportConfigRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(owner: ExportOwner): Promise<ExportConfigRow | null> {
    const where = ownerWhere(owner);
    const rows = (await this.dataSource.query(
      `SELECT * FROM ${TABLE} WHERE ${where.sql}`,
      where.params,
    )) as ExportConfigRow[];
    return rows[0] ?? null;
  }

  /** null when the owner already has one (the partial unique indexes decide, race-free). */
  async insert(
    owner: ExportOwner,
    values: { image_format: ExportImageFormat; metadata_adapter: MetadataAdapter },
  ): Promise<ExportConfigRow | null> {
    const rows = (await this.dataSource.query(
      `INSERT INTO ${TABLE} ("team_id", "user_id", "organization_id", "image_format", "metadata_adapter") VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING *`,
      [owner.team_id, owner.user_id, owner.organization_id, values.image_format, values.metadata_adapter],
    )) as ExportConfigRow[];
    return rows[0] ?? null;
  }

  async update(
    owner: ExportOwner,
    values: { image_format?: ExportImageFormat | null; metadata_adapter?: MetadataAdapter | null },
  ): Promise<ExportConfigRow | null> {
    const where = ownerWhere(owner);
    const result = (await this.dataSource.query(
      `UPDATE ${TABLE} SET "image_format" = COALESCE($3, "image_format"), "metadata_adapter" = COALESCE($4, "metadata_adapter"), "updated_at" = now()
       WHERE ${where.sql} RETURNING *`,
      [...where.params, values.image_format ?? null, values.metadata_adapter ?? null],
    )) as [ExportConfigRow[], number];
    return result[0][0] ?? null;
  }

  async delete(owner: ExportOwner): Promise<boolean> {
    const where = ownerWhere(owner);
    const result = (await this.dataSource.query(
      `DELETE FROM ${TABLE} WHERE ${where.sql} RETURNING "id"`,
      where.params,
    )) as [unknown[], number];
    return result[0].length > 0;
  }

  /** The user's personal configuration and those of the given organisations, in one query. */
  async candidates(teamId: string, userId: string, organizationIds: string[]): Promise<ExportConfigRow[]> {
    return (await this.dataSource.query(
      `SELECT * FROM ${TABLE} WHERE "team_id" = $1 AND (("user_id" = $2 AND "organization_id" IS NULL) OR "organization_id" = ANY($3::uuid[]))`,
      [teamId, userId, organizationIds],
    )) as ExportConfigRow[];
  }
}
