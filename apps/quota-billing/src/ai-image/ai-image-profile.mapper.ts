import { AiImageProfile } from '@mp/contracts';
import { ProfileRow } from './ai-image-profile.repository';

/** What a kikaku key's profile shows; a key that never had a row shows every default. */
export function toAiImageProfile(row: ProfileRow | null, defaultQuota: number): AiImageProfile {
  return {
    owner_name: row?.ownerName ?? null,
    email: row?.email ?? null,
    quota_limit: row?.quotaLimit ?? defaultQuota,
    default_quota: (row?.quotaLimit ?? null) === null,
    used_count: row?.used ?? 0,
    reserved_count: row?.reserved ?? 0,
    status: row?.status ?? 'active',
    expires_at: row?.expiresAt?.toISOString() ?? null,
    rate_limit_per_minute: row?.rateLimitPerMinute ?? null,
  };
}

/** `used + reserved + images` must fit the limit; what remains of it (never negative). */
export function remainingImages(
  profile: Pick<AiImageProfile, 'quota_limit' | 'used_count' | 'reserved_count'>,
): number {
  return Math.max(0, profile.quota_limit - profile.used_count - profile.reserved_count);
}

/** `expired` once the expiry has passed, whatever the stored status says. */
export function effectiveStatus(
  profile: Pick<AiImageProfile, 'status' | 'expires_at'>,
  now: Date,
): 'active' | 'suspended' | 'expired' {
  if (profile.expires_at !== null && new Date(profile.expires_at).getTime() <= now.getTime()) return 'expired';
  return profile.status;
}
