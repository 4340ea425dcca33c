export type KeyKind = 'ai' | 's3' | 'unknown';

/** What the prefix says (`kikaku_s3_` before `kikaku_`); the API's answer has the last word. */
export function keyKindFromPrefix(key: string): KeyKind {
  const k = key.trim();
  if (k.startsWith('kikaku_s3_')) return 's3';
  if (k.startsWith('kikaku_')) return 'ai';
  return 'unknown';
}
