import { Injectable } from '@nestjs/common';
import { DeleteFileResult, DomainError, RpcParsedRequest } from '@mp/contracts';
import { Outbox, RpcHandler } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import { Clock } from '../clock/clock';
import { isExpired } from './expiry-policy';
import { fileNotFound } from './file-not-found';
import { FileRepository } from './file.repository';
import { fileDeletedEvent } from './file-deleted.event';

/**
 * `DELETE /v1/files/storage/file` (seed 000): object, record and (through `files.file.deleted`)
 * index entry. The object is deleted inside the transaction, so a store failure leaves the file whole.
 */
@Injectable()
export class FileDeletionService {
  constructor(
    private readonly files: FileRepository,
    private readonly storage: ObjectStorage,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  @RpcHandler('files.file.delete')
  async delete(request: RpcParsedRequest<'files.file.delete'>): Promise<DeleteFileResult> {
    return this.outbox.transaction(async (manager, emit) => {
      const now = this.clock.now();
      const file = await this.files.lockByKey(manager, request.object_key);
      if (!file || file.team_id !== request.team_id || file.status === 'rejected' || isExpired(file.expires_at, now))
        throw fileNotFound(request.object_key);
      if (file.status === 'pending') {
        throw new DomainError(
          'Conflict',
          'The upload of this file is not finished or not verified yet; retry once it is searchable',
          { object_key: file.object_key },
        );
      }
      if (file.metadata?.legal_hold === true) {
        throw new DomainError(
          'LegalHold',
          'The file is under legal hold (metadata legal_hold: true); clear it with a metadata update before deleting',
          {
            object_key: file.object_key,
          },
        );
      }
      await this.files.deleteById(manager, file.id);
      await emit('files.file.deleted', fileDeletedEvent(file, 'deleted'));
      await this.storage.delete(file.object_key).catch((err: unknown) => {
        throw new DomainError(
          'DependencyUnavailable',
          'The object store could not delete the file; nothing was deleted, retry later',
          {
            object_key: file.object_key,
            cause: err instanceof Error ? err.name : String(err),
          },
        );
      });
      return { success: true, deleted_object_key: file.object_key, deleted_at: now.toISOString() };
    });
  }
}
