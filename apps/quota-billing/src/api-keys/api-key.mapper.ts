import { ApiKeySummary } from '@mp/contracts';
import { ApiKeyEntity } from './api-key.entity';

/** What listings show of a key: never its hash. */
export function toApiKeySummary(key: ApiKeyEntity): ApiKeySummary {
  return {
    id: key.id,
    kind: key.kind,
    name: key.name,
    team_id: key.team_id,
    user_id: key.user_id,
    hint: key.hint,
    app_key: key.app_key,
    created_at: key.created_at.toISOString(),
    last_used_at: key.last_used_at?.toISOString() ?? null,
    revoked_at: key.revoked_at?.toISOString() ?? null,
  };
}
