import type { LogQuery } from '../api/ai-image.api';

export const LOG_PAGE_SIZE = 20;

/** The `/v1/logs` query of the filter (dates `YYYY-MM-DD`, UTC days, both inclusive), or why it is wrong. */
export function buildLogQuery(
  start: string,
  end: string,
  page: number,
): { ok: true; query: LogQuery } | { ok: false; message: string } {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if ((start && !day.test(start)) || (end && !day.test(end))) return { ok: false, message: 'Dates are YYYY-MM-DD' };
  if (start && end && start > end) return { ok: false, message: 'The start date is after the end date' };
  return {
    ok: true,
    query: { start_date: start || undefined, end_date: end || undefined, page, limit: LOG_PAGE_SIZE },
  };
}

/** Pages of `limit` rows needed for `total` rows (at least one). */
export function pageCount(total: number, limit: number): number {
  return Math.max(1, Math.ceil(total / limit));
}
