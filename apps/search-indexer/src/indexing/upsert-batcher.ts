import { FileDocument } from '@mp/contracts';
import { BatchWriteResult } from '../search/search-backend';

interface Pending {
  document: FileDocument;
  resolve: (applied: boolean) => void;
  reject: (err: unknown) => void;
}

/**
 * Coalesces concurrent single-document upserts into batched writes: the first document starts a
 * write on the next turn of the event loop; documents arriving while a write runs wait for the
 * next one, up to `maxBatch` each. One write at a time, so under load batches fill by themselves
 * and when idle a document is written at once. If a batch fails, its documents are retried one by
 * one so a single bad document fails alone.
 */
export class UpsertBatcher {
  private pending: Pending[] = [];
  private draining = false;

  constructor(
    private readonly write: (documents: FileDocument[]) => Promise<BatchWriteResult>,
    private readonly maxBatch: number,
  ) {}

  /** Resolves with whether the document was applied (false: stale or deleted); rejects if the write failed. */
  submit(document: FileDocument): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.pending.push({ document, resolve, reject });
      if (!this.draining) {
        this.draining = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length) {
      const batch = this.pending.splice(0, this.maxBatch);
      try {
        await this.settle(batch);
      } catch {
        for (const one of batch) await this.settle([one]).catch((err: unknown) => one.reject(err));
      }
    }
    this.draining = false;
  }

  private async settle(batch: Pending[]): Promise<void> {
    const { applied } = await this.write(batch.map((p) => p.document));
    const written = new Set(applied);
    for (const p of batch) p.resolve(written.has(p.document.file_id));
  }
}
