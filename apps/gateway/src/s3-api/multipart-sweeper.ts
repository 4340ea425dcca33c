import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, LOGGER } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { Logger } from 'pino';
import { isManifestKey, MULTIPART_ROOT, MultipartManifests } from './multipart-upload.store';
import { S3ApiConfig } from './s3-api.config';
import { S3MultipartOperations } from './s3-multipart-operations.service';

const PAGE = 1000;

/**
 * Aborts multipart uploads left incomplete for longer than S3_API_MULTIPART_MAX_AGE_SECONDS,
 * every S3_API_MULTIPART_SWEEP_INTERVAL_SECONDS: their parts are deleted and their reservations
 * released. Idempotent, so several gateways sweeping at once only repeat each other's work.
 */
@Injectable()
export class MultipartSweeper implements OnModuleInit, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private readonly manifests: MultipartManifests;

  constructor(
    private readonly storage: ObjectStorage,
    private readonly multipart: S3MultipartOperations,
    @Inject(APP_CONFIG) private readonly config: S3ApiConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.manifests = new MultipartManifests(storage);
  }

  onModuleInit(): void {
    const interval = this.config.S3_API_MULTIPART_SWEEP_INTERVAL_SECONDS;
    if (interval === 0) return;
    this.timer = setInterval(() => void this.sweep().catch(() => undefined), interval * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass; returns how many uploads it aborted. */
  sweep(now = Date.now()): Promise<number> {
    this.running ??= this.pass(now).finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(now: number): Promise<number> {
    const cutoff = now - this.config.S3_API_MULTIPART_MAX_AGE_SECONDS * 1000;
    let aborted = 0;
    let marker: string | undefined;
    try {
      do {
        const page = await this.storage.listPage({ prefix: MULTIPART_ROOT, marker, maxKeys: PAGE });
        for (const object of page.objects) {
          if (!isManifestKey(object.key) || object.lastModified.getTime() > cutoff) continue;
          const uploadId = object.key.split('/').at(-2)!;
          const manifest = await this.manifests.read(object.key, uploadId);
          await this.multipart.discard({ team_id: manifest.team_id, key_id: manifest.key_id }, uploadId, manifest);
          aborted++;
        }
        marker = page.nextMarker;
      } while (marker !== undefined);
    } catch (err) {
      this.logger.warn({ err, aborted }, 'Sweeping incomplete multipart uploads failed; the next pass retries');
      throw err;
    }
    if (aborted > 0) this.logger.info({ aborted }, 'Expired multipart uploads aborted');
    return aborted;
  }
}
