/** Laps of one piece of work: each `lap(stage)` reports the seconds since the previous lap (or the start). */
export interface StageClock<S extends string = string> {
  lap(stage: S): void;
}

export function stageClock<S extends string>(observe: (stage: S, seconds: number) => void): StageClock<S> {
  let last = performance.now();
  return {
    lap: (stage) => {
      const now = performance.now();
      observe(stage, (now - last) / 1000);
      last = now;
    },
  };
}

/** Histogram buckets for stage laps: from half a millisecond (a lookup) to seconds (pixels of a large image). */
export const STAGE_SECONDS_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5];
