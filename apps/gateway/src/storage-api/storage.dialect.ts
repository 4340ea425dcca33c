import { CdtKeyGuard } from '../auth/cdt-key.guard';
import { defineDialect } from '../dialects/dialect-registry';
import { renderStorageError } from './storage-error.renderer';
import { STORAGE_DOC } from './storage.dialect-doc';

/** Seed 000: `/v1/files/…` and `/v1/predictions/…` with `X-API-Key: cdt_…`. */
export const STORAGE_DIALECT = defineDialect({
  id: 'storage',
  unroutedPrefixes: ['/v1/files', '/v1/predictions'],
  renderError: renderStorageError,
  docs: STORAGE_DOC,
  guard: CdtKeyGuard,
});
