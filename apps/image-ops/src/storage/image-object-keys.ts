import { randomUUID } from 'node:crypto';
import { ImageScope } from '../tree/image-scope';

/** Where the bytes of one stored version of an image live (a new key per version: overwrites never tear). */
export function newImageObjectKey(scope: ImageScope): string {
  return `image/${scope.team_id}/${scope.app_key}/objects/${randomUUID()}`;
}

/** The gateway stages request bodies under `image-staging/{team}/…`; image-ops only takes its caller's. */
export function isStagingKeyOf(scope: ImageScope, key: string): boolean {
  return key.startsWith(`image-staging/${scope.team_id}/`) && !key.includes('..');
}
