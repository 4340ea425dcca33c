import { Injectable } from '@nestjs/common';
import { Outbox } from '@mp/platform';
import { FileRepository } from '../files/file.repository';
import { fileDeletedEvent } from '../files/file-deleted.event';

/**
 * Who uploaded a temp object, from its upload session in `files.files` (the presigned PUT flow
 * registers one). `unregistered` objects carry an unguessable file id in their key and are
 * accepted; an object registered to another team, or rejected by verification, is not.
 */
@Injectable()
export class TempObjectOwner {
  constructor(
    private readonly files: FileRepository,
    private readonly outbox: Outbox,
  ) {}

  async check(teamId: string, key: string): Promise<'own' | 'unregistered' | 'foreign' | 'rejected'> {
    const row = await this.files.findOwnerByKey(key);
    if (!row) return 'unregistered';
    if (row.team_id !== teamId) return 'foreign';
    return row.status === 'rejected' ? 'rejected' : 'own';
  }

  /**
   * Removes the upload session of a temp object that is gone (ingested into a media resource, or
   * purged unused), and with it the file from the storage search, where its URL would answer 404.
   */
  async retire(key: string): Promise<void> {
    await this.outbox.transaction(async (manager, emit) => {
      const file = await this.files.lockByKey(manager, key);
      if (!file) return;
      await this.files.deleteById(manager, file.id);
      if (file.status !== 'active') return;
      await emit('files.file.deleted', fileDeletedEvent(file, 'consumed'));
    });
  }
}
