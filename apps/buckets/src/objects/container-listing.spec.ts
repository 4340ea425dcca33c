import { listContainer, ListingQuery } from './container-listing';
import type { ListedRow, ObjectRange } from './object.repository';

const NAMES = ['a', 'b/1', 'b/2', 'b/c/3', 'c', 'd/1', 'e'].sort();

/** The repository's range over an in-memory container (byte order). */
function fetchFrom(names: string[]) {
  return async (range: ObjectRange): Promise<ListedRow[]> => {
    const ordered = range.reverse ? [...names].reverse() : names;
    const inRange = ordered.filter((n) => {
      if (range.prefix && !n.startsWith(range.prefix)) return false;
      if (range.after !== undefined && (range.reverse ? n >= range.after : n <= range.after)) return false;
      if (range.before !== undefined && (range.reverse ? n <= range.before : n >= range.before)) return false;
      return true;
    });
    return inRange.slice(0, range.limit).map((name) => ({
      name,
      bytes: 1,
      hash: 'd41d8cd98f00b204e9800998ecf8427e',
      content_type: 'text/plain',
      last_modified: new Date(0).toISOString(),
    }));
  };
}

const names = (query: Partial<ListingQuery>) =>
  listContainer(fetchFrom(NAMES), { limit: 100, reverse: false, ...query }).then(({ items }) =>
    items.map((i) => ('subdir' in i ? `${i.subdir}(dir)` : i.name)),
  );

describe('listContainer', () => {
  it('lists in byte order with marker, end_marker and limit', async () => {
    expect(await names({})).toEqual(NAMES);
    expect(await names({ marker: 'b/2', end_marker: 'd/1' })).toEqual(['b/c/3', 'c']);
    expect(await names({ limit: 2 })).toEqual(['a', 'b/1']);
  });

  it('collapses names under a delimiter into subdirs, one each', async () => {
    expect(await names({ delimiter: '/' })).toEqual(['a', 'b/(dir)', 'c', 'd/(dir)', 'e']);
    expect(await names({ delimiter: '/', prefix: 'b/' })).toEqual(['b/1', 'b/2', 'b/c/(dir)']);
    expect(await names({ delimiter: '/', limit: 2 })).toEqual(['a', 'b/(dir)']);
  });

  it('continues after a subdir marker without repeating it', async () => {
    expect(await names({ delimiter: '/', marker: 'b/' })).toEqual(['c', 'd/(dir)', 'e']);
  });

  it('reverses, with the delimiter too', async () => {
    expect(await names({ reverse: true })).toEqual([...NAMES].reverse());
    expect(await names({ reverse: true, delimiter: '/' })).toEqual(['e', 'd/(dir)', 'c', 'b/(dir)', 'a']);
    expect(await names({ reverse: true, marker: 'c', limit: 2 })).toEqual(['b/c/3', 'b/2']);
  });

  it('stops at the byte budget and says so; the rest follows after its last entry', async () => {
    const first = await listContainer(fetchFrom(NAMES), { limit: 100, reverse: false, budgetBytes: 400 });
    expect(first.truncated).toBe(true);
    expect(first.items.length).toBeGreaterThan(0);
    expect(first.items.length).toBeLessThan(NAMES.length);
    const last = first.items.at(-1)!;
    const rest = await listContainer(fetchFrom(NAMES), {
      limit: 100,
      reverse: false,
      marker: 'name' in last ? last.name : last.subdir,
    });
    expect(rest.truncated).toBe(false);
    expect([...first.items, ...rest.items]).toEqual(
      (await listContainer(fetchFrom(NAMES), { limit: 100, reverse: false })).items,
    );
  });
});
