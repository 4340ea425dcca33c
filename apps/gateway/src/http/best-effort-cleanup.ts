import { Inject, Injectable } from '@nestjs/common';
import { LOGGER } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { Logger } from 'pino';
import { CleanupFailuresMetrics } from './cleanup-failures.metrics';

/**
 * Runs clean-up steps whose failure must not hide the error being reported, without losing sight
 * of them: each failure is logged with what was left behind and counted.
 */
@Injectable()
export class BestEffortCleanup {
  constructor(
    private readonly storage: ObjectStorage,
    private readonly metrics: CleanupFailuresMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Runs `step`; `what` names it in the log and the metric label (keep it a fixed phrase). */
  async run(what: string, step: () => Promise<unknown>, context: Record<string, unknown> = {}): Promise<void> {
    try {
      await step();
    } catch (err) {
      this.metrics.record(what);
      this.logger.warn({ err, what, ...context }, 'Clean-up step failed; something was left behind');
    }
  }

  /** Deletes objects nobody will reference; a failed delete leaves an orphan, which is logged and counted. */
  async deleteObjects(what: string, keys: readonly string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.run(what, () => this.storage.delete(key), { key })));
  }
}
