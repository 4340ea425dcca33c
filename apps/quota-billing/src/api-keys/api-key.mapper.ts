import { AiImageProfile, ApiKeySummary } from '@mp/contracts';
import { ApiKeyEntity } from './api-key.entity';

/** What listings show of a key: never its hash. `aiImage` is the profile of a kikaku key. */
export function toApiKeySummary(key: ApiKeyEntity, aiImage?: AiImageProfile): ApiKeySummary {
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
    ...(aiImage ? { ai_image: aiImage } : {}),
  };
}
