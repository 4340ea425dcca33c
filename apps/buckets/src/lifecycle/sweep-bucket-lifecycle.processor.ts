import { ScheduledSweep, Sweeper } from '@mp/platform';
import { BucketsConfig } from '../app.config';
import { Clock } from '../clock/clock';
import { OrphanBytes } from '../objects/orphan-bytes';
import { ExpiredObject, ExpiredObjectRepository } from './expired-object.repository';

/**
 * Deletes for good the objects lifecycle policies and `X-Delete-At` already made invisible: the
 * row (only while it is still that expired version), then its bytes. Idempotent and resumable: a
 * run stops after `maxBatches`, and what it did not reach is found again by the next one.
 */
@ScheduledSweep<BucketsConfig>('SweepBucketLifecycle', 'LIFECYCLE_SWEEP_INTERVAL_MS', { batch: 200, maxBatches: 25 })
export class SweepBucketLifecycleProcessor implements Sweeper<ExpiredObject> {
  constructor(
    private readonly expired: ExpiredObjectRepository,
    private readonly orphans: OrphanBytes,
    private readonly clock: Clock,
  ) {}

  nextBatch(limit: number): Promise<ExpiredObject[]> {
    return this.expired.find(this.clock.now(), limit);
  }

  async sweepBatch(objects: ExpiredObject[]): Promise<{ deleted: number }> {
    const now = this.clock.now();
    const gone: string[] = [];
    for (const object of objects) if (await this.expired.delete(object, now)) gone.push(object.storage_key);
    await this.orphans.delete(gone);
    return { deleted: gone.length };
  }
}
