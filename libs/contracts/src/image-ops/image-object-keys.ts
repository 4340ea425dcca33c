/**
 * Where the gateway stores an uploaded image body (`image/{team}/{app}/uploads/{id}`); image-ops
 * adopts an object under it as the image's bytes when it accepts the upload, and deletes it otherwise.
 */
export function imageUploadKeyPrefix(scope: { team_id: string; app_key: string }): string {
  return `image/${scope.team_id}/${scope.app_key}/uploads/`;
}
