/**
 * The seed's "directory traversal prevention, safe character enforcement" for presigned uploads;
 * the rules live in @mp/storage, shared with the gateway's LoRA upload.
 */
export { sanitizeUploadFilename as sanitizeMediaFilename } from '@mp/storage';
