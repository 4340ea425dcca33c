import { fileDocumentSchema } from '@mp/contracts';
import { FIELD_CATALOG, findField, findSearchableField, SEARCHABLE_FIELDS, SORTABLE_FIELDS } from './field-catalog';

describe('field catalog', () => {
  it('describes every field of the file document except the custom metadata, once', () => {
    const documentFields = Object.keys(fileDocumentSchema.shape).filter((k) => k !== 'metadata');
    expect(FIELD_CATALOG.map((f) => f.name).sort()).toEqual(documentFields.sort());
  });

  it('agrees with the contract on arrays, integers and nullability', () => {
    for (const field of FIELD_CATALOG) {
      const schema = fileDocumentSchema.shape[field.name];
      expect([field.name, schema.safeParse(['a']).success]).toEqual([field.name, field.array]);
      if (field.type === 'long') expect([field.name, schema.safeParse(1.5).success]).toEqual([field.name, false]);
      if (field.type === 'double') expect(schema.safeParse(1.5).success).toBe(true);
      if (field.type === 'boolean') expect(schema.safeParse(true).success).toBe(true);
    }
    expect(findField('project')?.nullable).toBe(true);
    expect(findField('created_at')?.nullable).toBe(false);
    expect(findField('tags')).toMatchObject({ type: 'keyword', array: true, sortable: false, nullable: false });
  });

  it('sorts by scalar fields and the filename, not by arrays or prompts', () => {
    expect(SORTABLE_FIELDS).toEqual(expect.arrayContaining(['created_at', 'size', 'filename', 'folder', 'width']));
    expect(SORTABLE_FIELDS).not.toEqual(expect.arrayContaining(['tags']));
    expect(SORTABLE_FIELDS.includes('prompt')).toBe(false);
    expect(SORTABLE_FIELDS.includes('labels')).toBe(false);
  });

  it('offers the 40 searchable fields of the seed; the team scope and the upload IP are indexed only', () => {
    expect(SEARCHABLE_FIELDS).toHaveLength(40);
    expect(FIELD_CATALOG.filter((f) => !f.searchable).map((f) => f.name)).toEqual(['team_id', 'upload_ip']);
    expect(findSearchableField('team_id')).toBeUndefined();
    expect(findSearchableField('user_id')?.name).toBe('user_id');
    expect(SORTABLE_FIELDS.includes('team_id')).toBe(false);
  });
});
