import { ApiClient } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { KeyKind, keyKindFromPrefix } from './key-kind';

export type Session = { key: string; kind: 'ai' | 's3' } | { key: string; kind: 'none' };

/** The usage endpoint that proves a feature: 200 means the key has it. */
const PROBES: Record<'ai' | 's3', string> = { ai: '/v1/usage', s3: '/s3/usage' };

async function answers(api: ApiClient, kind: 'ai' | 's3'): Promise<boolean> {
  try {
    await api.request(PROBES[kind]);
    return true;
  } catch (err) {
    if (err instanceof ApiError && err.status === 0) throw err;
    return false;
  }
}

/**
 * The key's kind from its prefix, confirmed by the API: the feature its prefix names is asked
 * first (one request for a normal login); a key no usage endpoint accepts has no features.
 * A network failure is thrown: it says nothing about the key.
 */
export async function identifyKey(api: ApiClient): Promise<Session> {
  const guess: KeyKind = keyKindFromPrefix(api.key);
  const order: Array<'ai' | 's3'> = guess === 's3' ? ['s3', 'ai'] : ['ai', 's3'];
  for (const kind of guess === 'unknown' ? order : order.slice(0, 1)) {
    if (await answers(api, kind)) return { key: api.key, kind };
  }
  return { key: api.key, kind: 'none' };
}

/** The seed's sentence for a section the logged-in key cannot open, or null when it can. */
export function wrongKindMessage(
  session: Session,
  section: 'ai' | 's3',
  messages: { s3KeyOnAi: string; aiKeyOnS3: string; noFeatures: string },
): string | null {
  if (session.kind === 'none') return messages.noFeatures;
  if (session.kind === section) return null;
  return section === 'ai' ? messages.s3KeyOnAi : messages.aiKeyOnS3;
}
