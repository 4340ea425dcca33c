import type { Logger } from 'pino';
import { MetricsService } from '../metrics';
import { Sweeper, SweepOptions, SweepPage } from './scheduled-sweep.decorator';

export type SweepCounts = Record<string, number>;

/** One run of a sweep: batches until the source is drained or `maxBatches` is reached. */
export async function runSweep(
  sweeper: Sweeper,
  options: SweepOptions,
  deps: { metrics: MetricsService; logger: Logger },
): Promise<SweepCounts> {
  const counts: SweepCounts = options.seen ? { [options.seen]: 0 } : {};
  let cursor: string | undefined;
  for (let batch = 0; batch < (options.maxBatches ?? 1); batch++) {
    const step = asStep(await sweeper.nextBatch(options.batch, cursor), options.batch);
    if (options.seen) counts[options.seen] += step.items.length;
    if (step.items.length || batch === 0)
      for (const [count, n] of Object.entries(await sweeper.sweepBatch(step.items)))
        counts[count] = (counts[count] ?? 0) + n;
    if (!step.more) break;
    cursor = step.cursor;
  }
  for (const [count, n] of Object.entries(counts)) if (n) deps.metrics.sweepItems.inc({ job: options.job, count }, n);
  if (Object.entries(counts).some(([count, n]) => n > 0 && count !== options.seen))
    deps.logger[options.level ?? 'info']({ job: options.job, ...counts }, 'Scheduled sweep did work');
  return counts;
}

/** The app config's interval for a sweep; a missing or non-numeric setting stops the boot. */
export function sweepInterval(options: SweepOptions, config: object): number {
  const every = (config as Record<string, unknown>)[options.every];
  if (typeof every !== 'number' || !(every > 0))
    throw new Error(`Sweep ${options.job}: config ${options.every} is not a positive number of ms`);
  return every;
}

/** A full list means there may be more: its next batch is asked for again (handled items drop out). */
function asStep<Item>(batch: Item[] | SweepPage<Item>, limit: number): SweepPage<Item> & { more: boolean } {
  if (Array.isArray(batch)) return { items: batch, more: batch.length >= limit };
  return { ...batch, more: batch.cursor !== undefined };
}
