import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CallbackDeliveryStatus } from '@mp/contracts';
import { DataSource } from 'typeorm';
import { DeliveryAttemptEntity } from './delivery-attempt.entity';
import { DeliveryEntity } from './delivery.entity';

export type NewDelivery = Pick<
  DeliveryEntity,
  'id' | 'team_id' | 'event_type' | 'url' | 'payload' | 'source' | 'status' | 'max_attempts' | 'last_error'
> & {
  next_attempt_at: Date | null;
  completed_at: Date | null;
};

export type AttemptRecord = Omit<DeliveryAttemptEntity, 'id'>;

/** How an attempt leaves the delivery. */
export interface DeliveryProgress {
  status: CallbackDeliveryStatus;
  next_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  completed: boolean;
}

const IN_PROGRESS: CallbackDeliveryStatus[] = ['pending', 'retrying'];

@Injectable()
export class DeliveryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records a requested delivery once; returns the stored row (the existing one for a repeated id). */
  async insertIfAbsent(delivery: NewDelivery): Promise<DeliveryEntity> {
    await this.dataSource.createQueryBuilder().insert().into(DeliveryEntity).values(delivery).orIgnore().execute();
    return this.dataSource.manager.findOneByOrFail(DeliveryEntity, { id: delivery.id });
  }

  findForTeam(id: string, teamId: string): Promise<DeliveryEntity | null> {
    return this.dataSource.manager.findOneBy(DeliveryEntity, { id, team_id: teamId });
  }

  page(
    teamId: string,
    status: CallbackDeliveryStatus | undefined,
    page: number,
    perPage: number,
  ): Promise<[DeliveryEntity[], number]> {
    return this.dataSource.manager.findAndCount(DeliveryEntity, {
      where: { team_id: teamId, ...(status && { status }) },
      order: { created_at: 'DESC', id: 'ASC' },
      skip: (page - 1) * perPage,
      take: perPage,
    });
  }

  attemptsOf(deliveryId: string): Promise<DeliveryAttemptEntity[]> {
    return this.dataSource.manager.find(DeliveryAttemptEntity, {
      where: { delivery_id: deliveryId },
      order: { round: 'ASC', attempt: 'ASC' },
    });
  }

  /**
   * Stores an attempt and the delivery's new state together, only if this attempt is still the
   * next one of the round (a replayed job finds it taken and records nothing). True if recorded.
   */
  async recordAttempt(attempt: AttemptRecord, progress: DeliveryProgress): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(DeliveryEntity)
        .set({
          status: progress.status,
          round_attempts: () => 'round_attempts + 1',
          attempt_count: () => 'attempt_count + 1',
          next_attempt_at: progress.next_attempt_at,
          last_status_code: progress.last_status_code,
          last_error: progress.last_error,
          updated_at: () => 'now()',
          completed_at: progress.completed ? () => 'now()' : null,
        })
        .where('id = :id AND round = :round AND round_attempts = :previous AND status IN (:...open)', {
          id: attempt.delivery_id,
          round: attempt.round,
          previous: attempt.attempt - 1,
          open: IN_PROGRESS,
        })
        .execute();
      if (!result.affected) return false;
      await manager.createQueryBuilder().insert().into(DeliveryAttemptEntity).values(attempt).execute();
      return true;
    });
  }

  /** Opens a new round of attempts on a finished delivery; 'in-progress' if it is not finished, 'no-body' if its body was never kept. */
  async startRound(id: string, teamId: string): Promise<DeliveryEntity | 'not-found' | 'in-progress' | 'no-body'> {
    return this.dataSource.transaction(async (manager) => {
      const current = await manager
        .createQueryBuilder(DeliveryEntity, 'd')
        .setLock('pessimistic_write')
        .where('d.id = :id AND d.team_id = :teamId', { id, teamId })
        .getOne();
      if (!current) return 'not-found';
      if (IN_PROGRESS.includes(current.status)) return 'in-progress';
      if (current.payload === '') return 'no-body';
      await manager
        .createQueryBuilder()
        .update(DeliveryEntity)
        .set({
          status: 'pending',
          round: () => 'round + 1',
          round_attempts: 0,
          next_attempt_at: () => 'now()',
          completed_at: null,
          updated_at: () => 'now()',
        })
        .where('id = :id', { id })
        .execute();
      return manager.findOneByOrFail(DeliveryEntity, { id });
    });
  }

  /** Open deliveries whose next attempt is overdue by more than `graceMs`. */
  overdue(graceMs: number, limit: number): Promise<DeliveryEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(DeliveryEntity, 'd')
      .where('d.status IN (:...open) AND d.next_attempt_at < now() - make_interval(secs => :grace)', {
        open: IN_PROGRESS,
        grace: graceMs / 1000,
      })
      .orderBy('d.next_attempt_at', 'ASC')
      .limit(limit)
      .getMany();
  }
}
