import type { MultipartFile } from '@fastify/multipart';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, Principal, S3UploadResult } from '@mp/contracts';
import { APP_CONFIG, LOGGER, RpcClient } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream';
import type { Logger } from 'pino';
import { storedContentType } from '../http/content-type';
import { fieldText, fileBytes, formParts } from '../http/multipart-form';
import { QuotaLimiter } from '../http/quota-limiter.stream';
import { declaredLength, discardRestOfBody } from '../http/request-body';
import { initialReservation } from './reservation-growth';
import { KeySpace, validateObjectKey } from './s3-object-key';
import { S3ProxyConfig } from './s3-proxy.config';
import { asStorageFailure } from '../http/storage-failure';
import { BestEffortCleanup } from '../http/best-effort-cleanup';
import { StorageReservation } from './storage-reservation';

/** Multipart framing around the file (boundaries, part headers, the `key` field) that a Content-Length also counts. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/** A file streamed to its staging object, its bytes held by the reservation. */
interface StagedFile {
  reservation: StorageReservation;
  stagingKey: string;
  filename: string;
  contentType: string;
  size: number;
  etag: string;
}

/**
 * `POST /s3/upload`: streams the form's `file` through a quota gate into a staging object (the
 * `key` field may come before or after the file), then copies it to its key and charges its size.
 * Any failure deletes what was written and gives the reservation back.
 */
@Injectable()
export class S3UploadService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: S3ProxyConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly cleanup: BestEffortCleanup,
  ) {}

  async upload(principal: Principal, request: FastifyRequest): Promise<S3UploadResult> {
    const space = new KeySpace(principal);
    let key: string | undefined;
    let staged: StagedFile | undefined;
    try {
      for await (const part of formParts(request, this.config.S3_PROXY_MAX_FILE_BYTES)) {
        if (part.type === 'field') {
          if (part.fieldname === 'key')
            key = fieldText(part) === '' ? undefined : validateObjectKey(fieldText(part), 'key');
          continue;
        }
        if (part.fieldname !== 'file') {
          throw new DomainError(
            'ValidationFailed',
            `Unexpected file field "${part.fieldname}": send the file in the field "file"`,
            { field: part.fieldname },
          );
        }
        staged = await this.stage(principal, space, part, key, request.raw);
      }
      if (!staged)
        throw new DomainError('ValidationFailed', 'file is required: send it in the multipart field "file"', {
          field: 'file',
        });
      const userKey =
        key ?? validateObjectKey(staged.filename, 'file name (used as the key when no key field is sent)');
      return await this.place(space, staged, userKey);
    } catch (err) {
      if (staged) await this.discard(staged);
      await discardRestOfBody(request.raw);
      throw err;
    }
  }

  /**
   * Streams the file part into a staging object under a reservation that grows with it. The part
   * is piped before anything is awaited: the parser may end or destroy it meanwhile (a body cut
   * short), and only a stream already in a pipeline reports that.
   */
  private async stage(
    principal: Principal,
    space: KeySpace,
    part: MultipartFile,
    key: string | undefined,
    raw: IncomingMessage,
  ): Promise<StagedFile> {
    const maxBytes = this.config.S3_PROXY_MAX_FILE_BYTES;
    let clientError: Error | undefined;
    part.file.once('error', (err: Error & { code?: string }) => {
      if (err.code !== 'ERR_STREAM_PREMATURE_CLOSE' && !(err instanceof DomainError)) clientError = err;
    });
    const opening = StorageReservation.open(
      this.rpc,
      principal,
      initialReservation(declaredLength(raw), maxBytes, FORM_OVERHEAD_BYTES),
    );
    opening.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
    const limiter = new QuotaLimiter({ maxBytes, cover: async (total) => (await opening).cover(total) });
    pipeline(fileBytes(part), limiter, () => undefined); // failures surface through the upload below
    const stagingKey = space.stagingKey(randomUUID());
    const contentType = storedContentType(part.mimetype, key ?? part.filename ?? '');
    try {
      const reservation = await opening;
      const stored = await this.storage.put({ key: stagingKey, body: limiter, contentType });
      if (part.file.truncated)
        throw new DomainError('PayloadTooLarge', `The file exceeds the ${maxBytes}-byte limit of one upload`, {
          max_bytes: maxBytes,
        });
      return {
        reservation,
        stagingKey,
        filename: part.filename ?? '',
        contentType,
        size: stored.size,
        etag: stored.etag,
      };
    } catch (err) {
      limiter.destroy();
      await this.cleanup.run('delete partial upload', () => this.storage.delete(stagingKey));
      await this.cleanup.run('release storage reservation', async () => (await opening).release());
      const cause = limiter.errored ?? err;
      if (cause instanceof DomainError) throw cause;
      if (clientError)
        throw new DomainError('ValidationFailed', `Malformed multipart/form-data body: ${clientError.message}`, {
          field: 'file',
        });
      if (raw.destroyed && !raw.readableEnded)
        throw new DomainError('ValidationFailed', 'The upload was interrupted before the file was complete', {
          field: 'file',
        });
      throw asStorageFailure(cause, this.logger, 'upload');
    }
  }

  /** Moves the staged file to its key and charges its size (replacing whatever the key held). */
  private async place(space: KeySpace, staged: StagedFile, userKey: string): Promise<S3UploadResult> {
    const objectKey = space.objectKey(userKey);
    try {
      await this.storage.copy({ from: staged.stagingKey, to: objectKey });
    } catch (err) {
      throw asStorageFailure(err, this.logger, 'copy staged upload');
    }
    let replaced: boolean;
    try {
      replaced = (await staged.reservation.commit(userKey, staged.size)).replaced_bytes !== null;
    } catch (err) {
      // Not charged, so not kept: the key ends up empty and unrecorded rather than stored for free.
      await this.cleanup.run('delete uncharged object', () => this.storage.delete(objectKey));
      await this.cleanup.run('forget uncharged object', () =>
        this.rpc.request('billing.storage.free', { team_id: space.teamId, key_id: space.keyId, object_key: userKey }),
      );
      throw err;
    }
    await this.cleanup.run('delete staging object', () => this.storage.delete(staged.stagingKey));
    return {
      success: true,
      key: userKey,
      size: staged.size,
      content_type: staged.contentType,
      etag: staged.etag,
      replaced,
    };
  }

  private async discard(staged: StagedFile): Promise<void> {
    await this.cleanup.run('delete staging object', () => this.storage.delete(staged.stagingKey));
    await this.cleanup.run('release storage reservation', () => staged.reservation.release());
  }
}
