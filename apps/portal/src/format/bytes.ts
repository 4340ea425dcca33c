const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** Bytes as a person reads them, in powers of 1024: `512 B`, `1.5 KB`, `1 GB`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '-';
  let value = bytes;
  let unit = 0;
  // 1023.99 MB is shown as 1 GB, not as "1024 MB".
  while (value >= 1023.95 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 ? String(value) : value.toFixed(value < 10 ? 2 : 1).replace(/\.?0+$/, '');
  return `${shown} ${UNITS[unit]}`;
}

/** Share of the quota in use, 0–100 (a limit of 0 is full). */
export function usedPercent(used: number, limit: number): number {
  if (limit <= 0) return 100;
  return Math.min(100, Math.max(0, (used / limit) * 100));
}
