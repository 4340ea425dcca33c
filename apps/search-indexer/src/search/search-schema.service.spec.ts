import { DISTINCT_VALUES_MAX, DomainError } from '@mp/contracts';
import { DistinctQuery, SearchBackend } from './search-backend';
import { SearchSchemaService } from './search-schema.service';

const TEAM = '11111111-1111-4111-8111-111111111111';

/** A backend where only `distinct` is stubbed: any other call fails the test. */
function backendWith(values: (string | boolean)[], seen: DistinctQuery[]): SearchBackend {
  return new Proxy({ distinct: async (q: DistinctQuery) => (seen.push(q), values) } as Partial<SearchBackend>, {
    get(target, prop) {
      if (prop in target) return target[prop as keyof SearchBackend];
      if (prop === 'then') return undefined;
      throw new Error(`Unexpected access to ${String(prop)}`);
    },
  }) as SearchBackend;
}

describe('SearchSchemaService', () => {
  it('answers the seed shape for a distinct field, scoped to the team and bounded', async () => {
    const seen: DistinctQuery[] = [];
    const service = new SearchSchemaService(backendWith(['inputs', 'outputs'], seen));
    expect(await service.distinct({ team_id: TEAM, field: 'folder' })).toEqual({
      field: 'folder',
      values: ['inputs', 'outputs'],
      count: 2,
    });
    expect(seen).toEqual([{ team_id: TEAM, field: 'folder', now: expect.any(Date), limit: DISTINCT_VALUES_MAX }]);
  });

  it.each([
    ['colour', 'unknown field "colour"'],
    ['file_id', '"file_id" has no distinct values to list'],
    ['prompt', '"prompt" has no distinct values to list'],
    ['metadata.reviewer', 'unknown field "metadata.reviewer"'],
    ['team_id', 'unknown field "team_id"'],
  ])('refuses %s as ValidationFailed naming it and the supported fields', async (field, why) => {
    const service = new SearchSchemaService(backendWith([], []));
    const error = await service.distinct({ team_id: TEAM, field }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'ValidationFailed',
      details: { field, supported_fields: expect.arrayContaining(['folder', 'tags', 'content_type']) },
    });
    expect((error as DomainError).message).toContain(why);
  });

  it('lists the 40 fields with the seed types, in the seed order', () => {
    const service = new SearchSchemaService(backendWith([], []));
    const schema = service.schema();
    expect(schema.total_fields).toBe(40);
    expect(schema.fields).toHaveLength(40);
    expect(schema.fields.slice(0, 3)).toEqual([
      { name: 'file_id', type: 'keyword', searchable: true, array: false },
      { name: 'object_key', type: 'keyword', searchable: true, array: false },
      { name: 'filename', type: 'text', searchable: true, array: false },
    ]);
    const byName = Object.fromEntries(schema.fields.map((f) => [f.name, f]));
    expect(byName.created_at).toEqual({ name: 'created_at', type: 'date', searchable: true, array: false });
    expect(byName.size).toEqual({ name: 'size', type: 'long', searchable: true, array: false });
    expect(byName.tags).toEqual({ name: 'tags', type: 'keyword', searchable: true, array: true });
    expect(byName.labels.array).toBe(true);
    expect(byName.cfg_scale.type).toBe('double');
    expect(byName.legal_hold.type).toBe('boolean');
    expect(schema.fields.at(-1)?.name).toBe('classification_level');
    expect(schema.fields.map((f) => f.name)).not.toEqual(expect.arrayContaining(['team_id']));
    expect(schema.fields.map((f) => f.name)).not.toEqual(expect.arrayContaining(['upload_ip']));
  });
});
