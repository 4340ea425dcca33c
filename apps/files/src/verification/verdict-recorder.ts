import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, Emit } from '@mp/platform';
import { EntityManager } from 'typeorm';
import { FilesConfig } from '../app.config';
import { Clock } from '../clock/clock';
import { expiresAtOf } from '../files/expiry-policy';
import { toFileDocument } from '../files/file-document.mapper';
import { FileEntity } from '../files/file.entity';
import { FileRepository } from '../files/file.repository';
import { nextUpdatedAt } from '../files/metadata-merge';
import { retentionSettings } from '../files/retention-settings';
import { Inspection } from './upload-inspector';
import { fileDeletedEvent } from '../files/file-deleted.event';

/** Writes a verification's outcome to a locked file record, with its events, inside the caller's transaction. */
@Injectable()
export class VerdictRecorder {
  constructor(
    private readonly files: FileRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: FilesConfig,
  ) {}

  async activate(manager: EntityManager, emit: Emit, file: FileEntity, inspection: Inspection): Promise<void> {
    const now = this.clock.now();
    const activatedAt = file.activated_at ?? now;
    Object.assign(file, {
      status: 'active',
      content_type: inspection.contentType,
      size: inspection.head.size,
      checksum_md5: inspection.md5,
      checksum_sha256: inspection.sha256,
      etag: inspection.head.etag,
      width: inspection.dimensions?.width ?? null,
      height: inspection.dimensions?.height ?? null,
      activated_at: activatedAt,
      expires_at:
        file.status === 'active'
          ? file.expires_at
          : expiresAtOf(activatedAt, file.metadata ?? {}, retentionSettings(this.config)),
      updated_at: nextUpdatedAt(file.updated_at, now),
    });
    await this.files.persist(manager, file);
    await emit('files.file.uploaded', { file: toFileDocument(file) });
  }

  async reject(manager: EntityManager, emit: Emit, file: FileEntity, reason: string): Promise<void> {
    const wasActive = file.status === 'active';
    Object.assign(file, { status: 'rejected', rejection_reason: reason, updated_at: this.clock.now() });
    await this.files.persist(manager, file);
    const { id: file_id, team_id, object_key } = file;
    await emit('files.file.rejected', { file_id, team_id, object_key, reason });
    if (wasActive) await emit('files.file.deleted', fileDeletedEvent(file, 'deleted'));
  }
}
