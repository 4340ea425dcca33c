import { Inject, Injectable } from '@nestjs/common';
import { DomainError, Principal, S3UploadResult } from '@mp/contracts';
import { APP_CONFIG, RpcClient } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { storedContentType } from '../http/content-type';
import { defaultStoreFailure, receiveFilePart } from '../http/file-part.receiver';
import { declaredLength } from '../http/request-body';
import { PerKeyQueue } from './per-key-queue';
import { initialReservation } from './reservation-growth';
import { KeySpace, validateObjectKey } from './s3-object-key';
import { S3ProxyConfig } from './s3-proxy.config';
import { StorageFailures } from '../http/storage-failures';
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
    private readonly failures: StorageFailures,
    private readonly cleanup: BestEffortCleanup,
  ) {}

  private readonly unsized = new PerKeyQueue();

  /** Uploads of unknown length (no Content-Length) of one key run one after another, so all that fit are admitted. */
  upload(principal: Principal, request: FastifyRequest): Promise<S3UploadResult> {
    if (declaredLength(request.raw) !== undefined) return this.uploadNow(principal, request);
    return this.unsized.run(principal.key_id, () => this.uploadNow(principal, request));
  }

  private async uploadNow(principal: Principal, request: FastifyRequest): Promise<S3UploadResult> {
    const space = new KeySpace(principal);
    const maxBytes = this.config.S3_PROXY_MAX_FILE_BYTES;
    const tooLarge = () =>
      new DomainError('PayloadTooLarge', `The file exceeds the ${maxBytes}-byte limit of one upload`, {
        max_bytes: maxBytes,
      });
    let key: string | undefined;
    let opening: Promise<StorageReservation> | undefined;
    const reservation = () =>
      (opening ??= StorageReservation.open(
        this.rpc,
        principal,
        initialReservation(declaredLength(request.raw), maxBytes, FORM_OVERHEAD_BYTES),
      ));
    let staged: StagedFile | undefined;
    try {
      const received = await receiveFilePart(request, this.storage, this.cleanup, {
        field: 'file',
        maxBytes,
        key: () => space.stagingKey(randomUUID()),
        contentType: (part) => storedContentType(part.mimetype, key ?? part.filename),
        onField: (name, value) => {
          if (name === 'key') key = value === '' ? undefined : validateObjectKey(value, 'key');
        },
        quota: { cover: async (total) => (await reservation()).cover(total) },
        tooLarge,
        missing: () =>
          new DomainError('ValidationFailed', 'file is required: send it in the multipart field "file"', {
            field: 'file',
          }),
        wrongField: (fieldname) =>
          new DomainError(
            'ValidationFailed',
            `Unexpected file field "${fieldname}": send the file in the field "file"`,
            { field: fieldname },
          ),
        storeFailed: (err, context) =>
          context.bodyError || context.interrupted
            ? defaultStoreFailure(err, context)
            : this.failures.of(err, 'upload'),
        cleanupWhat: 'delete partial upload',
      });
      staged = {
        reservation: await reservation(),
        stagingKey: received.key,
        filename: received.filename,
        contentType: received.contentType,
        size: received.size,
        etag: received.etag,
      };
      const userKey =
        key ?? validateObjectKey(staged.filename, 'file name (used as the key when no key field is sent)');
      return await this.place(space, staged, userKey);
    } catch (err) {
      if (staged) await this.cleanup.run('delete staging object', () => this.storage.delete(staged!.stagingKey));
      const opened = opening;
      if (opened) await this.cleanup.run('release storage reservation', async () => (await opened).release());
      throw err;
    }
  }

  /** Moves the staged file to its key and charges its size (replacing whatever the key held). */
  private async place(space: KeySpace, staged: StagedFile, userKey: string): Promise<S3UploadResult> {
    const objectKey = space.objectKey(userKey);
    await this.failures.attempt('copy staged upload', () =>
      this.storage.copy({ from: staged.stagingKey, to: objectKey }),
    );
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
}
