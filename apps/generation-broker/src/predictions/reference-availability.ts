import { Inject, Injectable } from '@nestjs/common';
import { DomainError, GenerationReferenceInput } from '@mp/contracts';
import { ObjectStorage } from '@mp/storage';
import { setTimeout as sleep } from 'node:timers/promises';
import { GenerationBrokerConfig } from '../app.config';
import { GENERATION_CONFIG } from '../generation/generation.config';

const POLL_MS = 500;

/**
 * Seed 000's flow posts a prediction right after the presigned upload, while files may still be
 * moving the upload to its `file_url` key: a prediction waits (up to `PREDICTION_REFERENCE_WAIT_MS`)
 * for each referenced object of our store to exist before it generates.
 */
@Injectable()
export class ReferenceAvailability {
  constructor(
    private readonly storage: ObjectStorage,
    @Inject(GENERATION_CONFIG) private readonly config: GenerationBrokerConfig,
  ) {}

  async awaitStored(references: readonly GenerationReferenceInput[]): Promise<void> {
    const deadline = Date.now() + this.config.PREDICTION_REFERENCE_WAIT_MS;
    for (const reference of references) {
      if (!('object_key' in reference)) continue;
      while (!(await this.storage.head(reference.object_key))) {
        if (Date.now() >= deadline) {
          throw new DomainError(
            'ValidationFailed',
            `${reference.label} names a file that does not exist (never uploaded, expired or deleted)`,
          );
        }
        await sleep(POLL_MS);
      }
    }
  }
}
