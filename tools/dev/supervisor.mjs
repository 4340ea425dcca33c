// Restarts of `pnpm start`: a process that exits on its own is started again after a delay that
// begins at 1 s and doubles up to 30 s; a run that stayed up 60 s counts as healthy and resets it.

export const DEFAULT_BACKOFF = { initialMs: 1000, maxMs: 30_000, healthyMs: 60_000 };

/** The delays between restarts of one process. */
export class RestartBackoff {
  constructor({ initialMs, maxMs, healthyMs } = DEFAULT_BACKOFF) {
    this.initialMs = initialMs;
    this.maxMs = maxMs;
    this.healthyMs = healthyMs;
    this.lastDelayMs = 0;
  }

  /** The delay before restarting a process that ran `ranMs` before it exited. */
  next(ranMs) {
    if (ranMs >= this.healthyMs) this.lastDelayMs = 0;
    this.lastDelayMs = this.lastDelayMs === 0 ? this.initialMs : Math.min(this.lastDelayMs * 2, this.maxMs);
    return this.lastDelayMs;
  }
}

const seconds = (ms) => `${Number((ms / 1000).toFixed(1))}s`;

/**
 * Keeps one process running: `start()` spawns it and returns `{ exited, expectedExit }` (a promise
 * of its exit, and whether it was stopped on purpose); `running` is the process already started,
 * if any. `onExit(info, { ranMs, delayMs, restarts })` reports an unexpected exit before the wait;
 * `onRestart(restarts)` comes just before the next start. Resolves once `stopping()` is true or the
 * process was stopped on purpose.
 */
export async function supervise({ running, start, stopping, onExit, onRestart, backoff = new RestartBackoff() }) {
  let restarts = 0;
  let proc = running;
  for (;;) {
    const startedAt = Date.now();
    proc ??= start();
    const info = await proc.exited;
    if (stopping() || proc.expectedExit) return;
    const ranMs = Date.now() - startedAt;
    const delayMs = backoff.next(ranMs);
    onExit(info, { ranMs, delayMs, restarts });
    await waitUnlessStopping(delayMs, stopping);
    if (stopping()) return;
    restarts += 1;
    onRestart(restarts);
    proc = undefined;
  }
}

async function waitUnlessStopping(ms, stopping) {
  const until = Date.now() + ms;
  while (Date.now() < until && !stopping()) await new Promise((r) => setTimeout(r, Math.min(100, until - Date.now())));
}

/** The console line of an unexpected exit. */
export function describeRestart(name, exitText, { ranMs, delayMs }) {
  return `${name} ${exitText} after ${seconds(ranMs)}; restarting it in ${seconds(delayMs)}`;
}
