import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { FileEntity } from './file.entity';

export type NewUploadSession = Pick<
  FileEntity,
  | 'team_id'
  | 'user_id'
  | 'object_key'
  | 'filename'
  | 'folder'
  | 'extension'
  | 'declared_content_type'
  | 'upload_ip'
  | 'metadata'
  | 'max_bytes'
  | 'upload_expires_at'
>;

@Injectable()
export class FileRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Registers a pending upload; false when the object key is already taken. */
  async insertPending(session: NewUploadSession & Partial<Pick<FileEntity, 'id' | 'staging_key'>>): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(FileEntity)
      .values({ ...session, status: 'pending', source: 'upload' } as QueryDeepPartialEntity<FileEntity>)
      .orIgnore()
      .execute();
    return Array.isArray(result.raw) && result.raw.length > 0;
  }

  /** Registers an already stored, already checked object as an active file; null when the key is taken. */
  async insertActive(
    manager: EntityManager,
    file: Omit<FileEntity, 'id' | 'staging_key' | 'status' | 'rejection_reason' | 'last_checked_at'>,
  ): Promise<FileEntity | null> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(FileEntity)
      .values({ ...file, status: 'active' } as QueryDeepPartialEntity<FileEntity>)
      .orIgnore()
      .execute();
    if (!Array.isArray(result.raw) || result.raw.length === 0) return null;
    return this.findByKey(file.object_key, manager);
  }

  findByKey(objectKey: string, manager: EntityManager = this.dataSource.manager): Promise<FileEntity | null> {
    return manager.findOneBy(FileEntity, { object_key: objectKey });
  }

  /** Who registered an object key, and whether verification rejected it; null when unregistered. */
  findOwnerByKey(objectKey: string): Promise<Pick<FileEntity, 'team_id' | 'status'> | null> {
    return this.dataSource.manager.findOne(FileEntity, {
      select: { team_id: true, status: true },
      where: { object_key: objectKey },
    });
  }

  /** Writes a (locked) file record back, inside the caller's transaction. */
  async persist(manager: EntityManager, file: FileEntity): Promise<void> {
    await manager.save(file);
  }

  /** Locks the record of an object key for the rest of the transaction. */
  lockByKey(manager: EntityManager, objectKey: string): Promise<FileEntity | null> {
    return manager
      .createQueryBuilder(FileEntity, 'f')
      .setLock('pessimistic_write')
      .where('f.object_key = :objectKey', { objectKey })
      .getOne();
  }

  /**
   * Locks the session a staging key belongs to for the rest of the transaction, waiting at most
   * `waitMs` for another verification of it (then throws, lock_not_available); null when none has it.
   */
  async lockByStagingKey(manager: EntityManager, stagingKey: string, waitMs: number): Promise<FileEntity | null> {
    await manager.query(`SELECT set_config('lock_timeout', $1, true)`, [`${Math.max(1, Math.floor(waitMs))}ms`]);
    return manager
      .createQueryBuilder(FileEntity, 'f')
      .setLock('pessimistic_write')
      .where('f.staging_key = :stagingKey', { stagingKey })
      .getOne();
  }

  /** The status of the sessions owning these staging keys, by staging key (absent: no session). */
  async statusByStagingKey(stagingKeys: string[]): Promise<Map<string, FileEntity['status']>> {
    if (!stagingKeys.length) return new Map();
    const rows = await this.dataSource
      .createQueryBuilder(FileEntity, 'f')
      .select(['f.staging_key', 'f.status'])
      .where('f.staging_key IN (:...stagingKeys)', { stagingKeys })
      .getMany();
    return new Map(rows.map((r) => [r.staging_key as string, r.status]));
  }

  /** Pending sessions due for a look at the store, least recently checked first; marks them checked. */
  async claimPendingForReconcile(limit: number, minAgeMs: number): Promise<FileEntity[]> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager
        .createQueryBuilder(FileEntity, 'f')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where(`f.status = 'pending' AND f.created_at < now() - make_interval(secs => :age)`, { age: minAgeMs / 1000 })
        .orderBy('f.last_checked_at', 'ASC', 'NULLS FIRST')
        .addOrderBy('f.created_at', 'ASC')
        .limit(limit)
        .getMany();
      if (rows.length) {
        await manager
          .createQueryBuilder()
          .update(FileEntity)
          .set({ last_checked_at: () => 'now()' })
          .whereInIds(rows.map((r) => r.id))
          .execute();
      }
      return rows;
    });
  }

  /** Active files past their expiry at `now`, soonest first. */
  async findExpiredIds(now: Date, limit: number): Promise<string[]> {
    const rows = await this.dataSource
      .createQueryBuilder(FileEntity, 'f')
      .select('f.id', 'id')
      .where(`f.status = 'active' AND f.expires_at <= :now`, { now })
      .orderBy('f.expires_at', 'ASC')
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /** Locks one file if it is still active and expired at `now`; null when gone or locked by another purge/delete. */
  lockExpired(manager: EntityManager, id: string, now: Date): Promise<FileEntity | null> {
    return manager
      .createQueryBuilder(FileEntity, 'f')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where(`f.id = :id AND f.status = 'active' AND f.expires_at <= :now`, { id, now })
      .getOne();
  }

  /** Active, unexpired files in `id` order after the cursor. */
  pageActive(after: string | null, limit: number, now: Date): Promise<FileEntity[]> {
    const query = this.dataSource
      .createQueryBuilder(FileEntity, 'f')
      .where(`f.status = 'active' AND (f.expires_at IS NULL OR f.expires_at > :now)`, { now })
      .orderBy('f.id', 'ASC')
      .limit(limit);
    if (after) query.andWhere('f.id > :after', { after });
    return query.getMany();
  }

  async deleteById(manager: EntityManager, id: string): Promise<void> {
    await manager.createQueryBuilder().delete().from(FileEntity).where('id = :id', { id }).execute();
  }

  /** Removes sessions whose upload window closed without an object. */
  async deleteAbandoned(ids: string[]): Promise<void> {
    if (ids.length)
      await this.dataSource
        .createQueryBuilder()
        .delete()
        .from(FileEntity)
        .whereInIds(ids)
        .andWhere(`status = 'pending'`)
        .execute();
  }
}
