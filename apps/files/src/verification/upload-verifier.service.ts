import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, LOGGER, Outbox } from '@mp/platform';
import { ObjectHead, ObjectStorage } from '@mp/storage';
import type { Logger } from 'pino';
import { FilesConfig } from '../app.config';
import { Clock } from '../clock/clock';
import { expiresAtOf } from '../files/expiry-policy';
import { toFileDocument } from '../files/file-document.mapper';
import { FileEntity } from '../files/file.entity';
import { FileRepository } from '../files/file.repository';
import { nextUpdatedAt } from '../files/metadata-merge';
import { retentionSettings } from '../files/retention-settings';
import { checkContent, SNIFF_BYTES, sniffContentType } from './content-sniffer';
import { IMAGE_PROBE_BYTES, probeImageSize } from './image-probe.adapter';

export type VerificationOutcome = 'activated' | 'rejected' | 'unchanged' | 'unknown-key' | 'missing-object';

interface Inspection {
  head: ObjectHead;
  violation?: string;
  contentType?: string;
  md5?: string;
  sha256?: string;
  dimensions?: { width: number; height: number } | null;
}

/**
 * Checks a stored object against its upload session — the store is never trusted to enforce the
 * policy — then activates the file, or deletes the object and rejects it. Idempotent.
 */
@Injectable()
export class UploadVerifier {
  constructor(
    private readonly files: FileRepository,
    private readonly storage: ObjectStorage,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: FilesConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async verify(objectKey: string): Promise<VerificationOutcome> {
    const file = await this.files.findByKey(objectKey);
    if (!file || file.status === 'rejected') return file ? 'unchanged' : 'unknown-key';
    const head = await this.storage.head(objectKey);
    if (!head) return 'missing-object';
    if (file.status === 'active' && file.etag === head.etag) return 'unchanged';
    const inspection = await this.inspect(file, head);
    return inspection.violation ? this.reject(objectKey, inspection) : this.activate(objectKey, inspection);
  }

  private async inspect(file: FileEntity, head: ObjectHead): Promise<Inspection> {
    if (head.size > file.max_bytes)
      return { head, violation: `object is ${head.size} bytes; the upload limit is ${file.max_bytes} bytes` };
    const leading = await this.storage.readHead({ key: file.object_key, bytes: IMAGE_PROBE_BYTES });
    const content = checkContent(file.declared_content_type, sniffContentType(leading.subarray(0, SNIFF_BYTES)));
    if (!content.ok) return { head, violation: content.reason };
    const digest = await this.storage.digest({ key: file.object_key, algorithms: ['md5', 'sha256'] });
    if (digest.size > file.max_bytes)
      return { head, violation: `object is ${digest.size} bytes; the upload limit is ${file.max_bytes} bytes` };
    const dimensions = content.contentType.startsWith('image/') ? await probeImageSize(leading) : null;
    return {
      head: { ...head, size: digest.size },
      contentType: content.contentType,
      md5: digest.md5,
      sha256: digest.sha256,
      dimensions,
    };
  }

  private async activate(objectKey: string, inspection: Inspection): Promise<VerificationOutcome> {
    return this.outbox.transaction(async (manager, emit) => {
      const file = await this.files.lockByKey(manager, objectKey);
      if (!file || file.status === 'rejected' || (file.status === 'active' && file.etag === inspection.head.etag))
        return 'unchanged';
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
      await manager.save(file);
      await emit('files.file.uploaded', { file: toFileDocument(file) });
      return 'activated';
    });
  }

  private async reject(objectKey: string, inspection: Inspection): Promise<VerificationOutcome> {
    const reason = inspection.violation ?? 'rejected';
    await this.storage.delete(objectKey);
    await this.outbox.transaction(async (manager, emit) => {
      const file = await this.files.lockByKey(manager, objectKey);
      if (!file || file.status === 'rejected') return;
      const wasActive = file.status === 'active';
      Object.assign(file, { status: 'rejected', rejection_reason: reason, updated_at: this.clock.now() });
      await manager.save(file);
      await emit('files.file.rejected', { file_id: file.id, team_id: file.team_id, object_key: objectKey, reason });
      if (wasActive)
        await emit('files.file.deleted', {
          file_id: file.id,
          team_id: file.team_id,
          object_key: objectKey,
          size: file.size ?? 0,
          reason: 'deleted',
        });
    });
    this.logger.warn({ objectKey, reason }, 'Upload rejected and deleted');
    return 'rejected';
  }
}
