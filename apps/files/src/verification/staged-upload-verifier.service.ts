import { Inject, Injectable } from '@nestjs/common';
import { Emit, LOGGER, Outbox } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { Logger } from 'pino';
import { EntityManager } from 'typeorm';
import { FileRepository } from '../files/file.repository';
import { IgnoredWriteReason, StagedWriteMetrics } from './staged-write.metrics';
import { UploadInspector } from './upload-inspector';
import { VerdictRecorder } from './verdict-recorder';
import { VerificationOutcome } from './verification-outcome';

/** Inspections of one staging object per verification before giving up for a retry: it kept changing. */
const INSPECTION_ROUNDS = 4;
/** How long a verification waits for another one of the same session before its job retries. */
const LOCK_WAIT_MS = 10_000;

type Decision =
  | { outcome: 'activated' | 'missing-object' }
  | { outcome: 'rejected'; objectKey: string; reason: string }
  | { outcome: 'ignored'; reason: IgnoredWriteReason };

/**
 * Verifies what a presigned POST form wrote to its session's staging key. One verification per
 * session at a time (the row lock is held across inspection and decision): a passing object is
 * copied to the file's `object_key` only while its ETag is the one inspected, then the session is
 * activated; a failing one is rejected unless it was replaced while being read (then the new
 * version is inspected). The staging object is deleted once the session is decided, and any later
 * write to it is deleted and ignored: a re-used form never reaches the file.
 */
@Injectable()
export class StagedUploadVerifier {
  constructor(
    private readonly files: FileRepository,
    private readonly storage: ObjectStorage,
    private readonly outbox: Outbox,
    private readonly inspector: UploadInspector,
    private readonly recorder: VerdictRecorder,
    private readonly metrics: StagedWriteMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async verify(stagingKey: string): Promise<VerificationOutcome> {
    const decision = await this.outbox.transaction((manager, emit) => this.decide(stagingKey, manager, emit));
    if (decision.outcome === 'missing-object') return decision.outcome;
    await this.storage.delete(stagingKey);
    if (decision.outcome === 'ignored') {
      this.metrics.recordIgnored(decision.reason);
      this.logger.warn({ stagingKey, reason: decision.reason }, 'Late upload to a decided session deleted and ignored');
    } else if (decision.outcome === 'rejected') {
      this.logger.warn({ objectKey: decision.objectKey, reason: decision.reason }, 'Upload rejected and deleted');
    }
    return decision.outcome;
  }

  private async decide(stagingKey: string, manager: EntityManager, emit: Emit): Promise<Decision> {
    const file = await this.files.lockByStagingKey(manager, stagingKey, LOCK_WAIT_MS);
    if (!file) return { outcome: 'ignored', reason: 'no-session' };
    if (file.status !== 'pending') return { outcome: 'ignored', reason: `session-${file.status}` };
    for (let round = 0; round < INSPECTION_ROUNDS; round++) {
      const head = await this.storage.head(stagingKey);
      if (!head) return { outcome: 'missing-object' };
      const inspection = await this.inspector.inspect(file, stagingKey, head);
      if (inspection.violation) {
        const now = await this.storage.head(stagingKey);
        if (now?.etag !== head.etag) continue; // replaced (or removed) while read: decide on what is there now
        // A copy from an earlier attempt whose commit failed must not outlive the rejection.
        await this.storage.delete(file.object_key);
        await this.recorder.reject(manager, emit, file, inspection.violation);
        return { outcome: 'rejected', objectKey: file.object_key, reason: inspection.violation };
      }
      const copied = await this.storage.copyIfUnchanged({ from: stagingKey, to: file.object_key, etag: head.etag });
      if (copied === 'changed') continue;
      // The file's ETag is its own object's (a store may give a copy another one than its source).
      const etag = copied.etag || head.etag;
      await this.recorder.activate(manager, emit, file, { ...inspection, head: { ...inspection.head, etag } });
      return { outcome: 'activated' };
    }
    throw new Error(`upload ${stagingKey} kept changing while it was verified; retrying later`);
  }
}
