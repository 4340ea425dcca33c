import { ExportConfigRow } from './export-config.repository';
import { resolveEffectiveExportConfig } from './effective-export-config';

const row = (over: Partial<ExportConfigRow>): ExportConfigRow => ({
  id: 'c',
  team_id: 't',
  user_id: 'u1',
  organization_id: null,
  image_format: 'webp',
  metadata_adapter: 'default',
  created_at: new Date(0),
  updated_at: new Date(0),
  ...over,
});

describe('resolveEffectiveExportConfig', () => {
  const personal = row({ id: 'p', image_format: 'png' });
  const orgA = row({
    id: 'a',
    organization_id: 'A',
    user_id: 'someone',
    image_format: 'jpeg',
    metadata_adapter: 'ovs',
  });
  const orgB = row({ id: 'b', organization_id: 'B', user_id: 'someone', image_format: 'avif' });

  it('prefers an organisation configuration, in membership order', () => {
    expect(resolveEffectiveExportConfig([personal, orgB, orgA], 'u1', ['A', 'B'])).toMatchObject({
      source: 'organization',
      organization_id: 'A',
      image_format: 'jpeg',
      metadata_adapter: 'ovs',
    });
    expect(resolveEffectiveExportConfig([personal, orgB, orgA], 'u1', ['B', 'A'])).toMatchObject({
      source: 'organization',
      organization_id: 'B',
      image_format: 'avif',
    });
  });

  it('falls back to the personal configuration, then to WebP', () => {
    expect(resolveEffectiveExportConfig([personal, orgB], 'u1', ['A'])).toMatchObject({
      source: 'user',
      image_format: 'png',
      configuration_id: 'p',
    });
    expect(resolveEffectiveExportConfig([], 'u1', ['A'])).toEqual({
      source: 'default',
      image_format: 'webp',
      metadata_adapter: 'default',
      organization_id: null,
      configuration_id: null,
    });
  });

  it('ignores another user’s personal configuration', () => {
    expect(resolveEffectiveExportConfig([row({ user_id: 'u2', image_format: 'png' })], 'u1', [])).toMatchObject({
      source: 'default',
    });
  });
});
