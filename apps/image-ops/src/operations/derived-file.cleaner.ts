import { Inject, Injectable } from '@nestjs/common';
import { LOGGER } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { Logger } from 'pino';
import { ImageTreeRepository } from '../tree/image-tree.repository';
import { ImageScope } from '../tree/image-scope';

/** Removes files an operation produced (`deleteThumbnail`): records first, then their objects. */
@Injectable()
export class DerivedFileCleaner {
  constructor(
    private readonly tree: ImageTreeRepository,
    private readonly storage: ObjectStorage,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async deleteByOperation(scope: ImageScope, operationId: string): Promise<number> {
    const keys = await this.tree.deleteDerived(scope, operationId);
    await this.storage
      .deleteMany(keys)
      .catch((err: unknown) => this.logger.warn({ err, operationId }, 'Derived objects left behind'));
    return keys.length;
  }
}
