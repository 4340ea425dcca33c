import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TeamSecretEntity } from './team-secret.entity';

@Injectable()
export class TeamSecretRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(teamId: string): Promise<TeamSecretEntity | null> {
    return this.dataSource.manager.findOneBy(TeamSecretEntity, { team_id: teamId });
  }

  /** Stores a first secret unless another instance stored one first; returns the one that won. */
  async insertIfAbsent(teamId: string, sealed: string, hint: string, revealed: boolean): Promise<TeamSecretEntity> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(TeamSecretEntity)
      .values({ team_id: teamId, sealed_secret: sealed, hint, revealed_at: revealed ? () => 'now()' : null })
      .orIgnore()
      .execute();
    return this.dataSource.manager.findOneByOrFail(TeamSecretEntity, { team_id: teamId });
  }

  /** Replaces the team's secret (rotation); the new one counts as revealed, it is returned to the caller. */
  async replace(teamId: string, sealed: string, hint: string): Promise<TeamSecretEntity> {
    await this.dataSource.query(
      `INSERT INTO "notifier"."team_secrets" ("team_id", "sealed_secret", "hint", "created_at", "revealed_at") VALUES ($1, $2, $3, now(), now())
       ON CONFLICT ("team_id") DO UPDATE SET "sealed_secret" = EXCLUDED."sealed_secret", "hint" = EXCLUDED."hint", "created_at" = now(), "revealed_at" = now()`,
      [teamId, sealed, hint],
    );
    return this.dataSource.manager.findOneByOrFail(TeamSecretEntity, { team_id: teamId });
  }

  /** Marks a not-yet-shown secret as shown; true only for the one caller that gets to show it. */
  async claimReveal(teamId: string): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(TeamSecretEntity)
      .set({ revealed_at: () => 'now()' })
      .where('team_id = :teamId AND revealed_at IS NULL', { teamId })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
