import { Injectable } from '@nestjs/common';
import type { JobData, JobName } from '@mp/contracts';

export const SCHEDULED_SWEEP = Symbol('SCHEDULED_SWEEP');

/** Jobs without payload: the ones a scheduler can run. */
export type SweepJobName = { [N in JobName]: Record<never, never> extends JobData<N> ? N : never }[JobName];

/** Names of the numeric settings of an app config. */
export type NumericSetting<Config> = { [K in keyof Config]: Config[K] extends number ? K : never }[keyof Config] &
  string;

/** One page of a sweep: `cursor` continues the listing; without it the sweep is done. */
export interface SweepPage<Item> {
  items: Item[];
  cursor?: string;
}

export interface SweepBatches {
  /** Items asked of `nextBatch` at once. */
  batch: number;
  /** Batches per run at most (default 1): the rest waits for the next run. */
  maxBatches?: number;
  /** A count the runner fills with the items looked at; alone it is not worth a log line. */
  seen?: string;
  /** Level of the line logged after a run that did something (default info). */
  level?: 'info' | 'warn';
}

export interface SweepOptions extends SweepBatches {
  job: SweepJobName;
  /** The app config setting that says how often it runs (ms). */
  every: string;
}

/**
 * What a scheduled sweep says besides its options: where its next batch comes from, and what to do
 * with one. A list (not a page) continues while batches come back full, so `nextBatch` must not
 * return items already handled. `sweepBatch` is called at least once a run (with no items when
 * there are none), so its counts are always reported.
 */
export interface Sweeper<Item = unknown> {
  nextBatch(limit: number, cursor: string | undefined): Promise<Item[] | SweepPage<Item>>;
  sweepBatch(items: Item[]): Promise<Record<string, number>>;
}

/**
 * Makes a provider a scheduled sweep: the platform schedules `job` every `config[every]` ms, runs
 * batches until done or `maxBatches`, returns the summed counts (the job's return value), counts
 * them in `sweep_items_total{job, count}` and logs the runs that did something. The class only
 * says what it sweeps. Implies @Injectable().
 */
export const ScheduledSweep =
  <Config>(job: SweepJobName, every: NumericSetting<Config>, batches: SweepBatches) =>
  (target: new (...args: any[]) => Sweeper<any>): void => {
    Injectable()(target);
    Reflect.defineMetadata(SCHEDULED_SWEEP, { ...batches, job, every } satisfies SweepOptions, target);
  };
