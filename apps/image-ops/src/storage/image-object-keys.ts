import { imageUploadKeyPrefix } from '@mp/contracts';
import { randomUUID } from 'node:crypto';
import { ImageScope } from '../tree/image-scope';

/** Where the bytes of one stored version of an image live (a new key per version: overwrites never tear). */
export function newImageObjectKey(scope: ImageScope): string {
  return `image/${scope.team_id}/${scope.app_key}/objects/${randomUUID()}`;
}

/** Older gateways stage request bodies under `image-staging/{team}/…` (copied, then deleted); image-ops only takes its caller's. */
export function isStagingKeyOf(scope: ImageScope, key: string): boolean {
  return key.startsWith(`image-staging/${scope.team_id}/`) && !key.includes('..');
}

/** An upload key of this app (see `imageUploadKeyPrefix`): adopted as the image's bytes, no copy. */
export function isUploadKeyOf(scope: ImageScope, key: string): boolean {
  return key.startsWith(imageUploadKeyPrefix(scope)) && !key.includes('..');
}

/** A fresh upload key, for bodies image-ops itself unpacks (zip entries). */
export function newUploadKey(scope: ImageScope): string {
  return `${imageUploadKeyPrefix(scope)}${randomUUID()}`;
}
