import { Inject, Injectable } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
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
import { stagingKeyOf } from './staging-key';

/** Sequential milliseconds first (keys stay in time order), then random later ones: many parallel sessions for one name always find a free key. */
const SEQUENTIAL_KEY_ATTEMPTS = 16;
const KEY_ATTEMPTS = 64;

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
    const { objectKey, stagingKey } = await this.registerUniqueKey(request, extension, contentType, expiresIn);
    const [post, fileUrl] = await Promise.all([
      // The form writes to the session's staging key; the verifier copies what passes to `object_key`.
      this.storage.presignPost({
        key: stagingKey,
        contentType,
        maxBytes: this.config.UPLOAD_MAX_BYTES,
        expiresInSeconds: expiresIn,
      }),
      this.storage.presignGet({ key: objectKey, contentType, expiresInSeconds: this.fileUrlTtlSeconds(metadata) }),
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

  /** Keys carry the epoch in ms (seed 000's `<epoch_ms>_<filename>`); sessions for one name in one ms take another free ms. */
  private async registerUniqueKey(
    request: RpcParsedRequest<'files.upload.create'>,
    extension: string | null,
    contentType: string,
    expiresIn: number,
  ): Promise<{ objectKey: string; stagingKey: string }> {
    const now = this.clock.now().getTime();
    for (let attempt = 0; attempt < KEY_ATTEMPTS; attempt++) {
      const objectKey = buildObjectKey({
        prefix: this.config.OBJECT_KEY_PREFIX,
        teamId: request.team_id,
        folder: request.folder,
        epochMs: now + keyOffset(attempt),
        filename: request.filename,
      });
      const id = randomUUID();
      const stagingKey = stagingKeyOf(this.config.OBJECT_KEY_PREFIX, request.team_id, id);
      const inserted = await this.files.insertPending({
        id,
        staging_key: stagingKey,
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
      if (inserted) return { objectKey, stagingKey };
    }
    throw new DomainError('Conflict', 'Too many uploads of this filename at once; retry');
  }
}

function keyOffset(attempt: number): number {
  if (attempt < SEQUENTIAL_KEY_ATTEMPTS) return attempt;
  return SEQUENTIAL_KEY_ATTEMPTS + randomInt(attempt * 64);
}
