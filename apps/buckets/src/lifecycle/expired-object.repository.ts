import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { visibleObject } from '../objects/visible-object.sql';

export interface ExpiredObject {
  bucket_id: string;
  name: string;
  storage_key: string;
}

/** The objects the sweeper deletes: past a lifecycle policy of their bucket, or past `X-Delete-At`. */
@Injectable()
export class ExpiredObjectRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(now: Date, limit: number): Promise<ExpiredObject[]> {
    return this.dataSource.query(
      `(SELECT o."bucket_id", o."name", o."storage_key"
          FROM "buckets"."lifecycle_policies" p
          JOIN "buckets"."objects" o ON o."bucket_id" = p."bucket_id" AND starts_with(o."name", p."target")
         WHERE o."last_modified" <= $1::timestamptz - make_interval(days => p."duration_days")
         LIMIT $2)
       UNION
       (SELECT o."bucket_id", o."name", o."storage_key" FROM "buckets"."objects" o
         WHERE o."delete_at" IS NOT NULL AND o."delete_at" <= $1
         LIMIT $2)
       LIMIT $2`,
      [now, limit],
    );
  }

  /** Deletes the row if it is still that version and still expired; true when it did. */
  async delete(object: ExpiredObject, now: Date): Promise<boolean> {
    const result = (await this.dataSource.query(
      `DELETE FROM "buckets"."objects" o
        WHERE o."bucket_id" = $2 AND o."name" = $3 AND o."storage_key" = $4 AND NOT (${visibleObject(1)})
        RETURNING o."storage_key"`,
      [now, object.bucket_id, object.name, object.storage_key],
    )) as [unknown[], number];
    return result[1] > 0;
  }
}
