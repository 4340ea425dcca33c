import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface PolicyRow {
  id: number;
  target: string;
  duration_days: number;
  created_at: Date;
}

const BUCKET_OF_TEAM = `(SELECT "id" FROM "buckets"."buckets" WHERE "team_id" = $1 AND "name" = $2)`;

/** SQL of `lifecycle_policies`, always reached through the team's bucket name. */
@Injectable()
export class PolicyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(teamId: string, bucket: string): Promise<PolicyRow[]> {
    return this.dataSource.query(
      `SELECT "id", "target", "duration_days", "created_at" FROM "buckets"."lifecycle_policies"
        WHERE "bucket_id" = ${BUCKET_OF_TEAM} ORDER BY "id"`,
      [teamId, bucket],
    );
  }

  /** False when the team has no such bucket. */
  async insert(teamId: string, bucket: string, target: string, durationDays: number): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `INSERT INTO "buckets"."lifecycle_policies" ("bucket_id", "target", "duration_days")
       SELECT "id", $3, $4 FROM "buckets"."buckets" WHERE "team_id" = $1 AND "name" = $2 RETURNING "id"`,
      [teamId, bucket, target, durationDays],
    )) as unknown[];
    return rows.length > 0;
  }

  async delete(teamId: string, bucket: string, id: number): Promise<boolean> {
    const result = (await this.dataSource.query(
      `DELETE FROM "buckets"."lifecycle_policies" WHERE "id" = $3 AND "bucket_id" = ${BUCKET_OF_TEAM} RETURNING "id"`,
      [teamId, bucket, id],
    )) as [unknown[], number];
    return result[1] > 0;
  }
}
