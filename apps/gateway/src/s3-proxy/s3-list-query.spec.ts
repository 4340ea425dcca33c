import { parseListQuery } from './s3-list-query';

describe('parseListQuery', () => {
  it('defaults to the whole keyspace, 100 per page', () => {
    expect(parseListQuery({})).toEqual({ prefix: '', limit: 100, cursor: undefined });
  });

  it('takes the seed example query', () => {
    expect(parseListQuery({ prefix: 'folder/', limit: '50' })).toEqual({
      prefix: 'folder/',
      limit: 50,
      cursor: undefined,
    });
  });

  it('rejects limits that are not whole numbers from 1 to 1000', () => {
    for (const limit of ['0', '1001', '-1', '2.5', 'ten', '1e3']) {
      expect(() => parseListQuery({ limit })).toThrow(/^limit must be a whole number from 1 to 1000$/);
    }
  });

  it('rejects cursors it cannot have issued and prefixes that escape the keyspace', () => {
    expect(() => parseListQuery({ cursor: 'not a cursor!' })).toThrow(/cursor/);
    expect(() => parseListQuery({ prefix: '../other/' })).toThrow(/segments/);
    expect(parseListQuery({ cursor: 'Zm9sZGVyL2EudHh0' }).cursor).toBe('Zm9sZGVyL2EudHh0');
    expect(() => parseListQuery({ limit: ['1', '2'] })).toThrow(/^limit must be given once$/);
  });
});
