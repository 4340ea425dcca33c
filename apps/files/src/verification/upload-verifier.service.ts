import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, LOGGER, Outbox } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { Logger } from 'pino';
import { FilesConfig } from '../app.config';
import { FileRepository } from '../files/file.repository';
import { isStagingKey } from '../uploads/staging-key';
import { StagedUploadVerifier } from './staged-upload-verifier.service';
import { Inspection, UploadInspector } from './upload-inspector';
import { VerdictRecorder } from './verdict-recorder';
import { VerificationOutcome } from './verification-outcome';

export type { VerificationOutcome } from './verification-outcome';

/**
 * Checks a stored object against its upload session — the store is never trusted to enforce the
 * policy — then activates the file, or deletes the object and rejects it. Idempotent. Forms write
 * to staging keys (see StagedUploadVerifier); sessions without one (presigned PUT, rows older
 * than staging) are verified in place.
 */
@Injectable()
export class UploadVerifier {
  constructor(
    private readonly files: FileRepository,
    private readonly storage: ObjectStorage,
    private readonly outbox: Outbox,
    private readonly inspector: UploadInspector,
    private readonly recorder: VerdictRecorder,
    private readonly staged: StagedUploadVerifier,
    @Inject(APP_CONFIG) private readonly config: FilesConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async verify(objectKey: string): Promise<VerificationOutcome> {
    if (isStagingKey(this.config.OBJECT_KEY_PREFIX, objectKey)) return this.staged.verify(objectKey);
    const file = await this.files.findByKey(objectKey);
    if (!file || file.status === 'rejected') return file ? 'unchanged' : 'unknown-key';
    // Only the verifier writes the object of a staged session: this is its own copy.
    if (file.staging_key) return 'unchanged';
    const head = await this.storage.head(objectKey);
    if (!head) return 'missing-object';
    if (file.status === 'active' && file.etag === head.etag) return 'unchanged';
    const inspection = await this.inspector.inspect(file, objectKey, head);
    return inspection.violation ? this.reject(objectKey, inspection) : this.activate(objectKey, inspection);
  }

  private async activate(objectKey: string, inspection: Inspection): Promise<VerificationOutcome> {
    return this.outbox.transaction(async (manager, emit) => {
      const file = await this.files.lockByKey(manager, objectKey);
      if (!file || file.status === 'rejected' || (file.status === 'active' && file.etag === inspection.head.etag))
        return 'unchanged';
      await this.recorder.activate(manager, emit, file, inspection);
      return 'activated';
    });
  }

  private async reject(objectKey: string, inspection: Inspection): Promise<VerificationOutcome> {
    const reason = inspection.violation ?? 'rejected';
    await this.storage.delete(objectKey);
    await this.outbox.transaction(async (manager, emit) => {
      const file = await this.files.lockByKey(manager, objectKey);
      if (!file || file.status === 'rejected') return;
      await this.recorder.reject(manager, emit, file, reason);
    });
    this.logger.warn({ objectKey, reason }, 'Upload rejected and deleted');
    return 'rejected';
  }
}
