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
