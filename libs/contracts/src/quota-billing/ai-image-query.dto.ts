import { z } from 'zod';
import { AI_IMAGE_PAGE_LIMIT_DEFAULT, AI_IMAGE_PAGE_LIMIT_MAX } from './ai-image-usage.dto';

/** Query strings of `GET /v1/logs` and `GET /v1/gallery` (seed 002), as clients send them. */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** A bound of a date filter: the instant it starts, and the instant just after it ends (exclusive). */
export interface DateBound {
  start: Date;
  endExclusive: Date;
}

/**
 * `2025-01-01` covers that whole day in UTC; a full ISO timestamp (`2025-01-01T10:00:00Z`) is that
 * instant (to the millisecond). Null when the text is neither, or names no real day.
 */
export function parseDateBound(text: string): DateBound | null {
  const day = DATE_ONLY.exec(text);
  if (day) {
    const start = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
    if (start.toISOString().slice(0, 10) !== text) return null;
    return { start, endExclusive: new Date(start.getTime() + 24 * 3600_000) };
  }
  if (!TIMESTAMP.test(text)) return null;
  const start = new Date(text);
  if (Number.isNaN(start.getTime())) return null;
  return { start, endExclusive: new Date(start.getTime() + 1) };
}

const dateParam = (name: string) =>
  z
    .string({ error: `${name} must be a date` })
    .max(40, `${name} must be an ISO date (YYYY-MM-DD) or timestamp`)
    .refine((v) => parseDateBound(v) !== null, `${name} must be an ISO date (YYYY-MM-DD) or timestamp`)
    .optional();

const wholeNumber = (name: string, min: number, max: number, fallback: number) =>
  z
    .string({ error: `${name} must be a whole number` })
    .max(12, `${name} must be at most ${max}`)
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`))
    .optional()
    .transform((v) => v ?? fallback);

const pageParams = {
  page: wholeNumber('page', 1, 1_000_000, 1),
  limit: wholeNumber('limit', 1, AI_IMAGE_PAGE_LIMIT_MAX, AI_IMAGE_PAGE_LIMIT_DEFAULT),
};

export const aiImageGalleryQuerySchema = z.object(pageParams);
export type AiImageGalleryQuery = z.output<typeof aiImageGalleryQuerySchema>;

export const aiImageLogsQuerySchema = z
  .object({ start_date: dateParam('start_date'), end_date: dateParam('end_date'), ...pageParams })
  .refine(
    (q) => {
      if (q.start_date === undefined || q.end_date === undefined) return true;
      const start = parseDateBound(q.start_date);
      const end = parseDateBound(q.end_date);
      return !start || !end || start.start.getTime() < end.endExclusive.getTime();
    },
    { message: 'start_date must not be after end_date', path: ['start_date'] },
  );
export type AiImageLogsQuery = z.output<typeof aiImageLogsQuerySchema>;
