import { FilterClause, SearchQuery } from '../../src/search/search-backend';

export const TEAM = '11111111-1111-4111-8111-111111111111';
export const NOW = new Date('2025-12-14T12:00:00.000Z');

/** A search of TEAM at NOW, first page of 20 newest first, unless `overrides` say otherwise. */
export function query(filters: FilterClause[], overrides: Partial<SearchQuery> = {}): SearchQuery {
  return {
    team_id: TEAM,
    filters,
    sort: { field: 'created_at', order: 'desc' },
    page: 1,
    page_size: 20,
    now: NOW,
    ...overrides,
  };
}
