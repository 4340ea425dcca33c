import { Inject, Injectable } from '@nestjs/common';
import { DomainError, RpcParsedRequest, UploadUrlResponse } from '@mp/contracts';
import { APP_CONFIG, RpcHandler } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import { FilesConfig } from '../app.config';
import { Clock } from '../clock/clock';
import { assertRetentionInBounds, retentionDaysOf } from '../files/expiry-policy';
import { FileRepository } from '../files/file.repository';
import { retentionSettings } from '../files/retention-settings';
import { contentTypeForExtension } from './content-type-by-extension';
import { buildObjectKey, extensionOf } from './object-key';

const KEY_ATTEMPTS = 5;

/** Issues presigned POST sessions (seed 000 `POST /v1/files/upload-url`) and registers them as pending. */
@Injectable()
export class UploadSessionService {
  constructor(
    private readonly files: FileRepository,
    private readonly storage: ObjectStorage,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: FilesConfig,
  ) {}

  @RpcHandler('files.upload.create')
  async create(request: RpcParsedRequest<'files.upload.create'>): Promise<UploadUrlResponse> {
    const metadata = request.metadata ?? {};
    assertRetentionInBounds(metadata, retentionSettings(this.config));
    const extension = extensionOf(request.filename);
    const contentType = contentTypeForExtension(extension);
    const expiresIn = this.config.UPLOAD_URL_TTL_SECONDS;
    const objectKey = await this.registerUniqueKey(request, extension, contentType, expiresIn);
    const [post, fileUrl] = await Promise.all([
      this.storage.presignPost({
        key: objectKey,
        contentType,
        maxBytes: this.config.UPLOAD_MAX_BYTES,
        expiresInSeconds: expiresIn,
      }),
      this.storage.presignGet({ key: objectKey, expiresInSeconds: this.fileUrlTtlSeconds(metadata) }),
    ]);
    return {
      upload_url: post.url,
      upload_fields: post.fields,
      file_url: fileUrl,
      object_key: objectKey,
      folder: request.folder,
    };
  }

  /** The file lives its retention after activation (later than now), so a URL valid no longer than that never outlives it by much. */
  private fileUrlTtlSeconds(metadata: Record<string, unknown>): number {
    if (metadata.legal_hold === true) return this.config.DOWNLOAD_URL_TTL_SECONDS;
    return Math.min(
      this.config.DOWNLOAD_URL_TTL_SECONDS,
      retentionDaysOf(metadata, retentionSettings(this.config)) * 86_400,
    );
  }

  /** Keys carry the epoch in ms; two sessions for one name in one ms take the next free ms. */
  private async registerUniqueKey(
    request: RpcParsedRequest<'files.upload.create'>,
    extension: string | null,
    contentType: string,
    expiresIn: number,
  ): Promise<string> {
    const now = this.clock.now().getTime();
    for (let attempt = 0; attempt < KEY_ATTEMPTS; attempt++) {
      const objectKey = buildObjectKey({
        prefix: this.config.OBJECT_KEY_PREFIX,
        teamId: request.team_id,
        folder: request.folder,
        epochMs: now + attempt,
        filename: request.filename,
      });
      const inserted = await this.files.insertPending({
        team_id: request.team_id,
        user_id: request.user_id,
        object_key: objectKey,
        filename: request.filename,
        folder: request.folder,
        extension,
        declared_content_type: contentType,
        upload_ip: request.upload_ip,
        metadata: request.metadata ?? {},
        max_bytes: this.config.UPLOAD_MAX_BYTES,
        upload_expires_at: new Date(now + expiresIn * 1000),
      });
      if (inserted) return objectKey;
    }
    throw new DomainError('Conflict', 'Too many uploads of this filename at once; retry');
  }
}
