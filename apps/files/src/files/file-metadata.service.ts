import { Inject, Injectable } from '@nestjs/common';
import { RpcParsedRequest, UpdateFileMetadataResult } from '@mp/contracts';
import { APP_CONFIG, Outbox, RpcHandler } from '@mp/platform';
import { FilesConfig } from '../app.config';
import { Clock } from '../clock/clock';
import { assertRetentionInBounds, expiresAtOf, isExpired } from './expiry-policy';
import { toFileDocument } from './file-document.mapper';
import { fileNotFound } from './file-not-found';
import { FileRepository } from './file.repository';
import { mergeMetadata, nextUpdatedAt } from './metadata-merge';
import { retentionSettings } from './retention-settings';

/** `PATCH /v1/files/storage/file/metadata` (seed 000): merges metadata and re-announces the file's document. */
@Injectable()
export class FileMetadataService {
  constructor(
    private readonly files: FileRepository,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: FilesConfig,
  ) {}

  @RpcHandler('files.metadata.update')
  async update(request: RpcParsedRequest<'files.metadata.update'>): Promise<UpdateFileMetadataResult> {
    const settings = retentionSettings(this.config);
    assertRetentionInBounds(request.metadata, settings);
    return this.outbox.transaction(async (manager, emit) => {
      const now = this.clock.now();
      const file = await this.files.lockByKey(manager, request.object_key);
      if (!file || file.team_id !== request.team_id || file.status === 'rejected' || isExpired(file.expires_at, now))
        throw fileNotFound(request.object_key);
      file.metadata = mergeMetadata(file.metadata ?? {}, request.metadata);
      file.updated_at = nextUpdatedAt(file.updated_at, now);
      // Retention and legal hold may have changed; a pending file gets its expiry at activation.
      if (file.status === 'active' && file.activated_at)
        file.expires_at = expiresAtOf(file.activated_at, file.metadata, settings);
      await this.files.persist(manager, file);
      const updatedFields = Object.keys(request.metadata);
      if (file.status === 'active')
        await emit('files.file.updated', { file: toFileDocument(file), updated_fields: updatedFields });
      return {
        success: true,
        object_key: file.object_key,
        updated_fields: updatedFields,
        updated_at: file.updated_at.toISOString(),
      };
    });
  }
}
