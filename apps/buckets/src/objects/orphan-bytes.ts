import { Inject, Injectable } from '@nestjs/common';
import { LOGGER } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { Logger } from 'pino';

/**
 * Deletes the stored bytes no row references any more (a replaced version, a deleted object).
 * Failures are logged, not raised: the row change already happened and stands.
 */
@Injectable()
export class OrphanBytes {
  constructor(
    private readonly storage: ObjectStorage,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async delete(keys: readonly (string | null | undefined)[]): Promise<void> {
    const present = keys.filter((k): k is string => !!k);
    if (present.length === 0) return;
    try {
      await this.storage.deleteMany(present);
    } catch (err) {
      this.logger.warn({ err, keys: present.slice(0, 20), count: present.length }, 'Orphaned object bytes left behind');
    }
  }
}
