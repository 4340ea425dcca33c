import { Injectable } from '@nestjs/common';
import { MEDIA_MAX_FILE_SIZE, MEDIA_TEMP_PREFIX, MediaUploadSession, RpcParsedRequest } from '@mp/contracts';
import { RpcHandler } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import { randomUUID } from 'node:crypto';
import { Clock } from '../clock/clock';
import { extensionOf } from '../uploads/object-key';
import { sanitizeMediaFilename } from './media-filename';
import { MediaUploadRepository } from './media-upload.repository';
import { uploadExpirySeconds } from './upload-expiry';

/**
 * Seed 003 `POST /api/v1/uploads/presigned-url`: a presigned PUT to
 * `temp/{file_id}_{timestamp}_{safe_filename}` with the content type (and the declared `file_size`,
 * when given, as Content-Length) bound into the signature, and
 * a pending file record (team, user) that the post-upload verifier checks like any other upload.
 */
@Injectable()
export class MediaUploadService {
  constructor(
    private readonly sessions: MediaUploadRepository,
    private readonly storage: ObjectStorage,
    private readonly clock: Clock,
  ) {}

  @RpcHandler('files.media-upload.create')
  async create(request: RpcParsedRequest<'files.media-upload.create'>): Promise<MediaUploadSession> {
    const fileId = randomUUID();
    const now = this.clock.now();
    const safeName = sanitizeMediaFilename(request.filename);
    const objectKey = `${MEDIA_TEMP_PREFIX}${fileId}_${now.getTime()}_${safeName}`;
    const expiresIn = uploadExpirySeconds(request.file_size);
    await this.sessions.insertPending(fileId, {
      team_id: request.team_id,
      user_id: request.user_id,
      object_key: objectKey,
      filename: safeName,
      folder: request.folder,
      extension: extensionOf(safeName),
      declared_content_type: request.content_type,
      upload_ip: null,
      metadata: {},
      max_bytes: request.file_size ?? MEDIA_MAX_FILE_SIZE,
      upload_expires_at: new Date(now.getTime() + expiresIn * 1000),
    });
    const uploadUrl = await this.storage.presignPut({
      key: objectKey,
      contentType: request.content_type,
      contentLength: request.file_size ?? undefined,
      expiresInSeconds: expiresIn,
    });
    return {
      file_id: fileId,
      object_key: objectKey,
      upload_url: uploadUrl,
      upload_method: 'PUT',
      expires_in_seconds: expiresIn,
      max_file_size: MEDIA_MAX_FILE_SIZE,
    };
  }
}
