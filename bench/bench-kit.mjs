// Shared helpers of the benchmarks: machine description, percentiles, results file.
import { writeFileSync, mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

export function machine() {
  return {
    cpus: cpus().length,
    cpu_model: cpus()[0]?.model ?? 'unknown',
    memory_gib: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
}

export function percentile(sorted, p) {
  if (!sorted.length) return null;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

export function summarize(samplesMs) {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const round = (v) => (v === null ? null : Math.round(v * 100) / 100);
  return {
    count: sorted.length,
    p50_ms: round(percentile(sorted, 50)),
    p95_ms: round(percentile(sorted, 95)),
    p99_ms: round(percentile(sorted, 99)),
    max_ms: round(sorted.at(-1) ?? null),
  };
}

export function writeResult(name, result) {
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  const body = { name, date: new Date().toISOString(), machine: machine(), ...result };
  writeFileSync(join(root, 'bench/results', `${name}.json`), `${JSON.stringify(body, null, 2)}\n`);
  console.log(JSON.stringify(body, null, 2));
}

/** Runs `task` with `concurrency` workers until `total` calls are done; returns per-call latencies. */
export async function runConcurrent({ total, concurrency, task }) {
  const latencies = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        try {
          await task(i);
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  return { latencies, errors, seconds: (performance.now() - started) / 1000 };
}

/** A team with one `kikaku_s3` key whose storage quota is `limitBytes`; answers the key's id and secret. */
export async function storageKey(base, adminToken, createTeamWithKeys, limitBytes) {
  const team = await createTeamWithKeys(base, 'bench', ['kikaku_s3']);
  const { id, key } = team.keys.kikaku_s3;
  await fetch(`${base}/admin/v1/teams/${team.teamId}/api-keys/${id}/storage-quota`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ limit_bytes: limitBytes }),
  });
  return { id, key };
}

/** Runs `task` while sampling a service's RSS from its /metrics every 50 ms: seconds taken and peak growth. */
export async function withPeakRss(metricsUrl, task) {
  const rss = async () => {
    const text = await (await fetch(metricsUrl)).text();
    return Number(/^process_resident_memory_bytes(?:\{[^}]*\})? (\d+)/m.exec(text)?.[1] ?? NaN);
  };
  const baseline = await rss();
  let peak = baseline;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await rss());
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const t0 = performance.now();
  try {
    const result = await task();
    return {
      result,
      seconds: (performance.now() - t0) / 1000,
      rssGrowthMb: Math.round(((peak - baseline) / 2 ** 20) * 10) / 10,
    };
  } finally {
    sampling = false;
    await sampler;
  }
}
