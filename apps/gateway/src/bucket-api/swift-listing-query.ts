import { validationError } from '@mp/platform';
import { z } from 'zod';

export const LISTING_FORMATS = ['json', 'xml', 'plain'] as const;
export type ListingFormat = (typeof LISTING_FORMATS)[number];

const bounded = (name: string) => z.string().max(1024, `${name} is at most 1024 characters`).optional();

/** Swift's listing parameters of `GET /v1/{account}` and `GET /v1/{account}/{container}`. */
const listingQuerySchema = z.object({
  format: z.enum(LISTING_FORMATS, { error: 'format must be json, xml or plain' }).optional(),
  prefix: bounded('prefix'),
  marker: bounded('marker'),
  end_marker: bounded('end_marker'),
  delimiter: z.string().length(1, 'delimiter must be one character').optional(),
  limit: z.coerce
    .number({ error: 'limit must be an integer' })
    .int('limit must be an integer')
    .min(0, 'limit must be at least 0')
    .max(10_000, 'limit must be at most 10000')
    .optional(),
  reverse: z.string().max(10).optional(),
});

export interface ListingQuery {
  format: ListingFormat;
  prefix?: string;
  marker?: string;
  end_marker?: string;
  delimiter?: string;
  limit: number;
  reverse: boolean;
}

const TRUE_VALUES = new Set(['true', '1', 'yes', 'on', 't', 'y']);

/** The validated query; the format comes from `format`, else from `Accept` (Swift's rule), else plain. */
export function parseListingQuery(query: unknown, accept: string | undefined): ListingQuery {
  const parsed = listingQuerySchema.safeParse(query ?? {});
  if (!parsed.success) throw validationError(parsed.error);
  const q = parsed.data;
  return {
    format: q.format ?? formatOfAccept(accept),
    prefix: q.prefix || undefined,
    marker: q.marker || undefined,
    end_marker: q.end_marker || undefined,
    delimiter: q.delimiter,
    limit: q.limit === undefined || q.limit === 0 ? 10_000 : q.limit,
    reverse: TRUE_VALUES.has((q.reverse ?? '').toLowerCase()),
  };
}

function formatOfAccept(accept: string | undefined): ListingFormat {
  if (!accept) return 'plain';
  if (/application\/json/i.test(accept)) return 'json';
  if (/(application|text)\/xml/i.test(accept)) return 'xml';
  return 'plain';
}
