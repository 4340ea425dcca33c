import { Controller, HttpCode, Inject, Post, Put, Query, Req } from '@nestjs/common';
import {
  DomainError,
  IMAGE_RESULT,
  ImageUploadError,
  multiImageUploadParamsSchema,
  SingleImageUploadQuery,
  singleImageUploadQuerySchema,
  StagedImageFile,
} from '@mp/contracts';
import { APP_CONFIG, RpcClient, rpcNotReceived, validationError } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { FastifyRequest } from 'fastify';
import { GatewayConfig } from '../app.config';
import { BestEffortCleanup } from '../http/best-effort-cleanup';
import { ZodPipe } from '../http/zod-validation.pipe';
import { ImageApp } from './image-app.decorator';
import { assertCallbackPorts } from './image-callback-ports';
import { imageOk } from './image-response';
import { Dialect } from '../dialects/dialect.decorator';
import { IMAGE_DIALECT } from './image.dialect';
import { receiveFileParts } from '../http/file-parts.receiver';
import { declaredLength } from '../http/request-body';
import { imageStoreFailure, imageTooLarge, imageUploadKey, stageBody } from './image-staging';

type App = { team_id: string; app_key: string };

/** Upload API: single raw-body `PUT …/images?path=…`, multiple multipart `POST …/images`. */
@Controller('image/v2.0/appkeys/:appKey/images')
@Dialect(IMAGE_DIALECT)
export class ImageUploadsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
    private readonly cleanup: BestEffortCleanup,
  ) {}

  @Put()
  @HttpCode(200)
  async uploadOne(
    @ImageApp() app: App,
    @Query(new ZodPipe(singleImageUploadQuerySchema)) query: SingleImageUploadQuery,
    @Req() request: FastifyRequest,
  ) {
    const staged = await stageBody(
      this.storage,
      this.cleanup,
      app,
      request.raw,
      this.config.IMAGE_MAX_FILE_BYTES,
      declaredLength(request.raw),
    );
    const result = await this.registerStaged(
      [staged.staging_key],
      this.rpc.request(
        'images.file.register',
        {
          ...app,
          file: { ...staged, path: query.path },
          overwrite: query.overwrite,
          autorename: query.autorename,
          operationIds: query.operationIds,
        },
        { timeoutMs: 60_000 },
      ),
    );
    return imageOk(result);
  }

  @Post()
  @HttpCode(200)
  async uploadMany(@ImageApp() app: App, @Req() request: FastifyRequest) {
    if (!request.isMultipart())
      throw new DomainError('ValidationFailed', 'Send multipart/form-data with a "params" field and "files"');
    const { stored, refused, fields } = await receiveFileParts(request, this.storage, this.cleanup, {
      maxBytesPerFile: this.config.IMAGE_MAX_FILE_BYTES,
      form: {
        limits: { files: this.config.IMAGE_MAX_FILES_PER_UPLOAD, fields: 10, fieldSize: 64 * 1024, parts: Infinity },
        describeError: multipartError,
      },
      name: (filename) => filename.split(/[\\/]/).pop() ?? '',
      key: () => imageUploadKey(app),
      contentType: 'application/octet-stream',
      tooLarge: () => imageTooLarge(this.config.IMAGE_MAX_FILE_BYTES),
      storeFailed: imageStoreFailure,
      cleanupWhat: 'delete staged image upload',
    });
    const staged = stored.map((s) => ({ staging_key: s.key, bytes: s.size, name: s.name }));
    const paramsText = fields.params;
    const params = this.parseParams(paramsText);
    if (!params.ok) {
      await this.dropAll(staged);
      throw params.error;
    }
    const p = params.value;
    const pathOf = (name: string) => (p.basepath === '/' ? `/${name}` : `${p.basepath}/${name}`);
    const files: StagedImageFile[] = staged.map((s) => ({
      staging_key: s.staging_key,
      bytes: s.bytes,
      path: pathOf(s.name),
      ...(/\.zip$/i.test(s.name) ? { archive: true } : {}),
    }));
    const refusedErrors: ImageUploadError[] = refused.map((r) => ({
      path: pathOf(r.name),
      bytes: r.bytes,
      error: { resultCode: IMAGE_RESULT.overUploadVolume.code, resultMessage: IMAGE_RESULT.overUploadVolume.message },
    }));
    const result = await this.registerStaged(
      staged.map((s) => s.staging_key),
      this.rpc.request(
        'images.files.register',
        {
          ...app,
          files,
          refused: refusedErrors,
          overwrite: p.overwrite,
          autorename: p.autorename,
          operationIds: p.operationIds,
          callbackUrl: p.callbackUrl,
        },
        { timeoutMs: 120_000 },
      ),
    );
    return imageOk(result);
  }

  /**
   * image-ops adopts or deletes the bodies it receives; a request no instance received (image-ops
   * down) leaves them to the gateway. After a timeout image-ops may still adopt them: they stay.
   */
  private async registerStaged<T>(keys: string[], registered: Promise<T>): Promise<T> {
    try {
      return await registered;
    } catch (err) {
      if (rpcNotReceived(err)) await this.cleanup.deleteObjects('delete image upload nobody received', keys);
      throw err;
    }
  }

  private parseParams(text: string | undefined) {
    if (text === undefined)
      return {
        ok: false as const,
        error: new DomainError('ValidationFailed', 'params is required: a JSON string of upload options'),
      };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false as const, error: new DomainError('ValidationFailed', 'params must be a JSON string') };
    }
    const parsed = multiImageUploadParamsSchema.safeParse(json);
    if (!parsed.success) return { ok: false as const, error: validationError(parsed.error) };
    try {
      assertCallbackPorts([parsed.data.callbackUrl], this.config.OUTBOUND_ALLOWED_PORTS);
    } catch (err) {
      return { ok: false as const, error: err as DomainError };
    }
    return { ok: true as const, value: parsed.data };
  }

  private async dropAll(staged: Array<{ staging_key: string }>): Promise<void> {
    await this.cleanup.deleteObjects(
      'delete staged image upload',
      staged.map((s) => s.staging_key),
    );
  }
}

function multipartError(err: unknown): DomainError {
  if (err instanceof DomainError) return err;
  const code = (err as { code?: unknown })?.code;
  if (code === 'FST_FILES_LIMIT') return new DomainError('ValidationFailed', 'Too many files in one upload');
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return new DomainError('ValidationFailed', 'Too many form fields');
  return new DomainError(
    'ValidationFailed',
    `Malformed multipart/form-data body: ${err instanceof Error ? err.message : String(err)}`,
  );
}
