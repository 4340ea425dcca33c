import { Inject, Injectable } from '@nestjs/common';
import { LOGGER } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { Logger } from 'pino';

/** Removes the objects of deleted records (after their commit); a failure is logged, never surfaced. */
@Injectable()
export class ImageObjectRemover {
  constructor(
    private readonly storage: ObjectStorage,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async remove(keys: string[]): Promise<void> {
    if (!keys.length) return;
    await this.storage
      .deleteMany(keys)
      .catch((err: unknown) => this.logger.warn({ err, count: keys.length }, 'Objects of deleted images left behind'));
  }

  /** As `remove`, but a failure throws (a job retries it). */
  async removeOrThrow(keys: string[]): Promise<void> {
    if (keys.length) await this.storage.deleteMany(keys);
  }
}
