// Reads the image-ops worker's stage histograms from its /metrics: mean milliseconds per stage
// over an interval (difference of two scrapes), and job counts.

/** `{ "<metric>{stage=\"x\"}": value }` of the _sum and _count series of the given histograms. */
async function scrape(metricsUrl, names) {
  const text = await (await fetch(metricsUrl)).text();
  const series = {};
  for (const line of text.split('\n')) {
    const m = /^(\w+)_(sum|count)\{([^}]*)\} ([\d.eE+-]+)$/.exec(line);
    if (!m || !names.includes(m[1])) continue;
    const label = /(?:stage|job)="([^"]+)"/.exec(m[3])?.[1] ?? '';
    series[`${m[1]}|${label}|${m[2]}`] = Number(m[4]);
  }
  return series;
}

export async function stageWindow(metricsUrl) {
  const names = ['image_job_stage_seconds', 'job_queue_wait_seconds'];
  const before = await scrape(metricsUrl, names);
  return {
    async stop() {
      const after = await scrape(metricsUrl, names);
      const stages = {};
      for (const key of Object.keys(after)) {
        const [name, label, kind] = key.split('|');
        if (kind !== 'sum') continue;
        const count = after[`${name}|${label}|count`] - (before[`${name}|${label}|count`] ?? 0);
        const sum = after[key] - (before[key] ?? 0);
        if (!count) continue;
        const id = name === 'job_queue_wait_seconds' ? `queue_wait (${label})` : label;
        stages[id] = { jobs: count, mean_ms: Math.round((sum / count) * 10000) / 10 };
      }
      return stages;
    },
  };
}
