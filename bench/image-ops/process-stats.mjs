// CPU seconds and resident memory of processes, read from /proc (Linux), for per-process tables.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime of a process in seconds (null once it is gone). */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

export function rssBytes(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024;
  } catch {
    return NaN;
  }
}

/** Pids of every process whose command name is `name` (postgres backends, redis-server, nats-server). */
export function pidsNamed(name) {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) pids.push(Number(entry));
    } catch {
      // gone between readdir and read
    }
  }
  return pids;
}

/**
 * CPU seconds spent by each named group of processes between `start()` and `stop()`. A group is a
 * function returning its current pids (postgres forks a backend per connection, so groups are re-read).
 */
export function cpuMeter(groups) {
  const read = () => {
    const seen = {};
    for (const [name, pids] of Object.entries(groups)) {
      seen[name] = new Map(pids().map((pid) => [pid, cpuSeconds(pid) ?? 0]));
    }
    return seen;
  };
  const before = read();
  return {
    stop() {
      const after = read();
      const out = {};
      for (const name of Object.keys(groups)) {
        let total = 0;
        for (const [pid, seconds] of after[name]) total += seconds - (before[name].get(pid) ?? 0);
        out[name] = Math.round(total * 100) / 100;
      }
      return out;
    },
  };
}

/** Samples a process's RSS every `intervalMs` until `stop()`; answers the peak in bytes. */
export function rssSampler(pid, intervalMs = 100) {
  let peak = rssBytes(pid);
  const timer = setInterval(() => {
    const now = rssBytes(pid);
    if (now > peak) peak = now;
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
