import { AdminTokenGuard } from '../auth/admin-token.guard';
import { defineDialect } from '../dialects/dialect-registry';
import { renderPlainError } from '../dialects/plain-errors';
import { ADMIN_DOC } from './admin.dialect-doc';

/** The operator's API under `/admin/v1`, with `Authorization: Bearer <ADMIN_TOKEN>`. */
export const ADMIN_DIALECT = defineDialect({
  id: 'admin',
  unroutedPrefixes: ['/admin'],
  renderError: renderPlainError,
  docs: ADMIN_DOC,
  guard: AdminTokenGuard,
});
