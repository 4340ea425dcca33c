/** The segment after the prefix that marks staging keys; client keys carry a team id (a uuid) there, never this. */
const STAGING_SEGMENT = '.uploads';

/**
 * Where a presigned POST form writes: `<prefix>/.uploads/<team>/<file id>`. The verifier copies a
 * passing object to the file's `object_key`, so a form re-used later never reaches the file.
 */
export function stagingKeyOf(prefix: string, teamId: string, fileId: string): string {
  return `${stagingPrefixOf(prefix)}${teamId}/${fileId}`;
}

/** Every staging key starts with it (for sweeps). */
export function stagingPrefixOf(prefix: string): string {
  return `${prefix}/${STAGING_SEGMENT}/`;
}

export function isStagingKey(prefix: string, key: string): boolean {
  return key.startsWith(stagingPrefixOf(prefix));
}
