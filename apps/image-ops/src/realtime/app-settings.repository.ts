import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ImageScope } from '../tree/image-scope';

const T = '"imageops"."app_settings"';

/** Per-app settings; an app without a row has the defaults (realtime service on, as the seed shows). */
@Injectable()
export class AppSettingsRepository {
  constructor(private readonly db: DataSource) {}

  async realtimeService(scope: ImageScope): Promise<boolean> {
    const rows: Array<{ realtime_service: boolean }> = await this.db.query(
      `SELECT "realtime_service" FROM ${T} WHERE "team_id" = $1 AND "app_key" = $2`,
      [scope.team_id, scope.app_key],
    );
    return rows[0]?.realtime_service ?? true;
  }

  async setRealtimeService(scope: ImageScope, on: boolean): Promise<void> {
    await this.db.query(
      `INSERT INTO ${T} ("team_id", "app_key", "realtime_service") VALUES ($1, $2, $3)
       ON CONFLICT ("team_id", "app_key") DO UPDATE SET "realtime_service" = EXCLUDED."realtime_service", "updated_at" = now()`,
      [scope.team_id, scope.app_key, on],
    );
  }
}
