import { EffectiveExportConfiguration } from '@mp/contracts';
import { ExportConfigRow } from './export-config.repository';

/** What applies with no configuration at all: WebP, no metadata injection (seed: "system defaults"). */
export const SYSTEM_DEFAULT_EXPORT = { image_format: 'webp', metadata_adapter: 'default' } as const;

/**
 * Organisation → user → system default. Among organisations, the caller's order decides (the
 * gateway passes memberships oldest first), so the result never depends on row order.
 */
export function resolveEffectiveExportConfig(
  candidates: ExportConfigRow[],
  userId: string,
  organizationIds: string[],
): EffectiveExportConfiguration {
  for (const organizationId of organizationIds) {
    const shared = candidates.find((c) => c.organization_id === organizationId);
    if (shared) return applied(shared, 'organization', organizationId);
  }
  const personal = candidates.find((c) => c.organization_id === null && c.user_id === userId);
  if (personal) return applied(personal, 'user', null);
  return { ...SYSTEM_DEFAULT_EXPORT, source: 'default', organization_id: null, configuration_id: null };
}

function applied(
  row: ExportConfigRow,
  source: 'organization' | 'user',
  organizationId: string | null,
): EffectiveExportConfiguration {
  return {
    image_format: row.image_format,
    metadata_adapter: row.metadata_adapter,
    source,
    organization_id: organizationId,
    configuration_id: row.id,
  };
}
