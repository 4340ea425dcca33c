import { Inject, Injectable } from '@nestjs/common';
import { LOGGER } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { ImageScope } from '../tree/image-scope';

/** Removes files an operation produced (`deleteThumbnail`): records first, then their objects. */
@Injectable()
export class DerivedFileCleaner {
  constructor(
    private readonly db: DataSource,
    private readonly storage: ObjectStorage,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async deleteByOperation(scope: ImageScope, operationId: string): Promise<number> {
    const rows: Array<{ object_key: string }> = await this.db.query(
      `DELETE FROM "imageops"."files" WHERE "team_id" = $1 AND "app_key" = $2 AND "created_by" = 'P' AND "operation_id" = $3 RETURNING "object_key"`,
      [scope.team_id, scope.app_key, operationId],
    );
    const deleted = Array.isArray(rows[0]) ? (rows[0] as Array<{ object_key: string }>) : rows;
    await this.storage
      .deleteMany(deleted.map((r) => r.object_key))
      .catch((err: unknown) => this.logger.warn({ err, operationId }, 'Derived objects left behind'));
    return deleted.length;
  }
}
