import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  IMAGE_RESULT,
  ImageFile,
  imageResultCodeOf,
  ImageUploadError,
  RpcParsedRequest,
  RpcResponse,
  StagedImageFile,
} from '@mp/contracts';
import { APP_CONFIG, LOGGER, Outbox, RpcHandler } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { Logger } from 'pino';
import { ImageOpsConfig } from '../app.config';
import { deliveryIdFor, UploadFailure, UploadSuccess, uploadCallbackBody } from '../callbacks/callback-bodies';
import { requestCallback } from '../callbacks/callback-emitter';
import { assertCallbackPorts } from '../callbacks/callback-port.guard';
import { OperationQueuePlanner } from '../execution/operation-queue.planner';
import { QueueItemRow, toQueueDto } from '../execution/queue-item.repository';
import { readExif } from '../imaging/exif-reader';
import { IMAGE_ENGINE, ImageEngine } from '../imaging/image-engine';
import { OperationRow } from '../operations/operation.repository';
import { OperationService } from '../operations/operation.service';
import { isStagingKeyOf, isUploadKeyOf, newImageObjectKey } from '../storage/image-object-keys';
import { toFileDto } from '../tree/image-dto.mapper';
import { join, nameOf, parentOf, renamed } from '../tree/image-path';
import { ImageTreeRepository } from '../tree/image-tree.repository';
import { ImageScope } from '../tree/image-scope';
import { probeStoredUpload } from './upload-probe';
import { ZipExpander } from './zip-expander';

interface UploadOptions {
  overwrite: boolean;
  autorename: boolean;
}

const MAX_RENAMES = 1000;

/**
 * Places bodies the gateway stored in object storage: verifies each is an image within the limits
 * (probing its header), picks its final name (overwrite / autorename / refuse), records it, and
 * plans the requested operations. A body at an upload key becomes the image's object in place
 * and is deleted if refused; a body at a (legacy) staging key is copied and always removed.
 */
@Injectable()
export class ImageUploadService {
  constructor(
    private readonly tree: ImageTreeRepository,
    private readonly storage: ObjectStorage,
    private readonly outbox: Outbox,
    private readonly operations: OperationService,
    private readonly planner: OperationQueuePlanner,
    private readonly zips: ZipExpander,
    @Inject(IMAGE_ENGINE) private readonly engine: ImageEngine,
    @Inject(APP_CONFIG) private readonly config: ImageOpsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @RpcHandler('images.file.register')
  async registerOne(req: RpcParsedRequest<'images.file.register'>): Promise<RpcResponse<'images.file.register'>> {
    const ops = await this.requireOperations(req, req.operationIds).catch(async (err: unknown) => {
      await this.dropStaging(req, req.file.staging_key);
      throw err;
    });
    const placed = await this.place(req, req.file, req, ops);
    return { file: placed.file };
  }

  @RpcHandler('images.files.register')
  async registerMany(req: RpcParsedRequest<'images.files.register'>): Promise<RpcResponse<'images.files.register'>> {
    const ops = await this.checkPorts(req.callbackUrl)
      .then(() => this.requireOperations(req, req.operationIds))
      .catch(async (err: unknown) => {
        await Promise.all(req.files.map((f) => this.dropStaging(req, f.staging_key)));
        throw err;
      });
    const successes: ImageFile[] = [];
    const overwritten: boolean[] = [];
    const errors: ImageUploadError[] = [...req.refused];
    const placeable: StagedImageFile[] = [];
    for (const file of req.files) {
      if (!file.archive) {
        placeable.push(file);
        continue;
      }
      const expanded = await this.zips.expand(req, file);
      placeable.push(...expanded.files);
      errors.push(...expanded.errors);
    }
    for (const file of placeable) {
      try {
        const placed = await this.place(req, file, req, ops);
        successes.push(placed.file);
        overwritten.push(placed.overwritten);
      } catch (err) {
        const e = err instanceof DomainError ? err : new DomainError('Internal', 'Internal error');
        if (!(err instanceof DomainError)) this.logger.error({ err, path: file.path }, 'Image upload failed');
        errors.push({
          path: file.path,
          bytes: file.bytes,
          error: { resultCode: imageResultCodeOf(e), resultMessage: e.message },
        });
      }
    }
    if (req.callbackUrl) await this.sendUploadCallback(req, req.callbackUrl, successes, overwritten, errors);
    return { errors, successes };
  }

  private async place(
    scope: ImageScope,
    staged: StagedImageFile,
    options: UploadOptions,
    ops: OperationRow[],
  ): Promise<{ file: ImageFile; overwritten: boolean }> {
    const adopted = isUploadKeyOf(scope, staged.staging_key);
    if (!adopted && !isStagingKeyOf(scope, staged.staging_key))
      throw new DomainError('ValidationFailed', 'staging_key is not one of this team');
    // An upload key becomes the image's object as it is; a staging key is copied to a new one.
    const key = adopted ? staged.staging_key : newImageObjectKey(scope);
    /** What to delete should the upload not be recorded. */
    let objectKey: string | null = adopted ? key : null;
    try {
      const { probe, size } = await probeStoredUpload(
        this.storage,
        this.engine,
        staged.staging_key,
        this.config.IMAGE_MAX_FILE_BYTES,
      );
      const facts = readExif(probe.exif);
      if (!adopted) {
        objectKey = key;
        await this.storage.copy({ from: staged.staging_key, to: key });
      }
      const { row, replaced, queued } = await this.outbox.transaction(async (m) => {
        const folder = parentOf(staged.path);
        await this.tree.lockFolder(m, scope, folder);
        await this.tree.ensureFolders(m, scope, folder);
        const path = await this.choosePath(m, scope, staged.path, options);
        const saved = await this.tree.upsertFile(m, scope, {
          path,
          object_key: key,
          bytes: size,
          format: probe.format,
          width: probe.width,
          height: probe.height,
          created_by: 'U',
          operation_id: null,
          source_file_id: null,
          taken_at: facts.takenAt,
          lat: facts.lat,
          lng: facts.lng,
        });
        const items = await this.planner.plan(m, scope, [saved.row], ops, null);
        return { row: saved.row, replaced: saved.replacedObjectKey, queued: items };
      });
      objectKey = null;
      if (replaced)
        await this.storage
          .delete(replaced)
          .catch((err: unknown) => this.logger.warn({ err, key: replaced }, 'Replaced image object left behind'));
      await this.planner.enqueue(queued);
      return {
        file: toFileDto(
          this.config.IMAGE_PUBLIC_BASE_URL,
          scope,
          row,
          queued.map((q: QueueItemRow) => toQueueDto(this.config.IMAGE_PUBLIC_BASE_URL, q)),
        ),
        overwritten: replaced !== null,
      };
    } finally {
      if (objectKey) await this.storage.delete(objectKey).catch(() => undefined);
      if (!adopted) await this.dropStaging(scope, staged.staging_key);
    }
  }

  /** The path to write: the asked one, or `name(n).ext` with autorename; refuses a taken name otherwise. */
  private async choosePath(
    m: Parameters<ImageTreeRepository['findFile']>[2],
    scope: ImageScope,
    path: string,
    options: UploadOptions,
  ): Promise<string> {
    const taken = async (p: string) =>
      (await this.tree.findFile(scope, p, m)) !== null || (await this.tree.findFolder(scope, p, m)) !== null;
    if (!(await taken(path))) return path;
    if ((await this.tree.findFolder(scope, path, m)) !== null) throw sameName();
    if (options.overwrite) return path;
    if (!options.autorename) throw sameName();
    for (let n = 1; n <= MAX_RENAMES; n++) {
      const candidate = join(parentOf(path), renamed(nameOf(path), n));
      if (!(await taken(candidate))) return candidate;
    }
    throw sameName();
  }

  private async checkPorts(callbackUrl: string | undefined): Promise<void> {
    assertCallbackPorts([callbackUrl], this.config.OUTBOUND_ALLOWED_PORTS);
  }

  private async requireOperations(scope: ImageScope, ids: string[]): Promise<OperationRow[]> {
    const ops: OperationRow[] = [];
    for (const id of [...new Set(ids)]) ops.push(await this.operations.require(scope, id));
    return ops;
  }

  private async sendUploadCallback(
    scope: ImageScope,
    url: string,
    successes: ImageFile[],
    overwritten: boolean[],
    errors: ImageUploadError[],
  ): Promise<void> {
    const successFiles: UploadSuccess[] = successes.map((f, i) => ({
      id: f.id,
      name: f.name,
      path: f.path,
      url: f.url,
      width: f.imageProperty.width,
      height: f.imageProperty.height,
      sizeByte: f.bytes,
      overwritten: overwritten[i],
      updatedAt: f.updatedAt,
    }));
    const failFiles: UploadFailure[] = errors.map((e) => ({
      name: nameOf(e.path),
      path: e.path,
      sizeByte: e.bytes,
      resultCode: e.error.resultCode,
      resultMessage: e.error.resultMessage,
    }));
    const body = uploadCallbackBody(url, successFiles, failFiles);
    await this.outbox.transaction((_m, emit) =>
      requestCallback(emit, {
        delivery_id: deliveryIdFor(
          'upload',
          ...successes.map((s) => `${s.id}@${s.updatedAt}`),
          ...errors.map((e) => e.path),
          url,
        ),
        team_id: scope.team_id,
        url,
        event_type: 'image.upload.completed',
        body,
      }),
    );
  }

  /** Removes a body that will not be placed (staging or upload key). */
  private async dropStaging(scope: ImageScope, key: string): Promise<void> {
    if (!isStagingKeyOf(scope, key) && !isUploadKeyOf(scope, key)) return;
    await this.storage
      .delete(key)
      .catch((err: unknown) => this.logger.warn({ err, key }, 'Staging object left behind'));
  }
}

function sameName(): DomainError {
  return new DomainError('Conflict', IMAGE_RESULT.sameFileName.message, { resultCode: IMAGE_RESULT.sameFileName.code });
}
