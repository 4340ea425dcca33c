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

/**
 * Where the gateway stores an uploaded body (`image/{team}/{app}/uploads/{id}`, the same format
 * as the gateway's `imageUploadKey`): image-ops adopts that object as the image's bytes when it
 * accepts the upload (no copy) and deletes it when it refuses it.
 */
export function isUploadKeyOf(scope: ImageScope, key: string): boolean {
  return key.startsWith(`image/${scope.team_id}/${scope.app_key}/uploads/`) && !key.includes('..');
}

/** A fresh upload key, for bodies image-ops itself unpacks (zip entries). */
export function newUploadKey(scope: ImageScope): string {
  return `image/${scope.team_id}/${scope.app_key}/uploads/${randomUUID()}`;
}
