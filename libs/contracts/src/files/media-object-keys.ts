/**
 * Object-key layouts of seed 003's media, owned by files; the gateway serves objects under them.
 * Where presigned PUT uploads land: `temp/{file_id}_{timestamp}_{safe_filename}`.
 */
export const MEDIA_TEMP_PREFIX = 'temp/';

/** Where an ingested media resource's bytes live: `media/{resource_id}/file.{ext}`. */
export const MEDIA_RESOURCE_PREFIX = 'media/';
