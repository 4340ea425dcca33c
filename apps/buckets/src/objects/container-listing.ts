import type { ListedObject } from '@mp/contracts';
import type { ListedRow, ObjectRange } from './object.repository';

export interface ListingQuery {
  prefix?: string;
  delimiter?: string;
  marker?: string;
  end_marker?: string;
  limit: number;
  reverse: boolean;
  /** Stop (`truncated`) once the entries would take more than this many bytes as JSON. */
  budgetBytes?: number;
}

/** The largest code point: `x + MAX_CHAR` sorts after every name that starts with `x`. */
const MAX_CHAR = '\u{10FFFF}';
/** Rows read after a `subdir` jump of a delimited listing. */
const FIRST_DELIMITED_BATCH = 16;

/**
 * Swift's container listing over an index: names after `marker` and before `end_marker` under
 * `prefix`; with a `delimiter`, the names that hold it after the prefix collapse into one
 * `subdir` each, and the walk jumps past them instead of reading them all.
 */
export async function listContainer(
  fetch: (range: ObjectRange) => Promise<ListedRow[]>,
  query: ListingQuery,
): Promise<{ items: ListedObject[]; truncated: boolean }> {
  const prefix = query.prefix ?? '';
  const subdirOf = (name: string): string | undefined => {
    if (!query.delimiter || !name.startsWith(prefix)) return undefined;
    const at = name.indexOf(query.delimiter, prefix.length);
    return at < 0 ? undefined : name.slice(0, at + query.delimiter.length);
  };
  /** The bound that skips every name under `subdir`, in listing order. */
  const past = (subdir: string) => (query.reverse ? subdir : subdir + MAX_CHAR);
  const items: ListedObject[] = [];
  let spent = 0;
  const full = (item: ListedObject) => {
    spent += entryBytes(item);
    return query.budgetBytes !== undefined && spent > query.budgetBytes;
  };
  const done = (truncated: boolean) => ({ items, truncated });
  const markerDir = query.marker !== undefined && !query.reverse ? subdirOf(query.marker) : undefined;
  let after = markerDir !== undefined ? past(markerDir) : query.marker;
  // With a delimiter, a read may stop at its first row (a subdir): read little after each jump,
  // more while rows keep coming without one.
  let batch = query.delimiter ? FIRST_DELIMITED_BATCH : query.limit;
  for (;;) {
    const wanted = Math.min(query.limit - items.length, batch);
    if (wanted <= 0) return done(false);
    const rows = await fetch({ prefix, after, before: query.end_marker, reverse: query.reverse, limit: wanted });
    let jumped = false;
    for (const row of rows) {
      const subdir = subdirOf(row.name);
      if (subdir !== undefined) {
        items.push({ subdir });
        if (full(items.at(-1)!)) return done(true);
        after = past(subdir);
        jumped = true;
        break;
      }
      items.push({
        name: row.name,
        hash: row.hash,
        bytes: row.bytes,
        content_type: row.content_type,
        last_modified: row.last_modified,
      });
      if (full(items.at(-1)!)) return done(true);
      after = row.name;
    }
    if (!jumped && rows.length < wanted) return done(false);
    batch = jumped ? FIRST_DELIMITED_BATCH : batch * 4;
  }
}

/** An upper bound of an entry's JSON size: every name byte may need escaping. */
function entryBytes(item: ListedObject): number {
  if ('subdir' in item) return 2 * Buffer.byteLength(item.subdir) + 16;
  return 2 * Buffer.byteLength(item.name) + 2 * Buffer.byteLength(item.content_type) + 160;
}
