import { Inject, Injectable } from '@nestjs/common';
import { GenerationReference, GenerationReferenceInput, generationStagingKey } from '@mp/contracts';
import { APP_CONFIG } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { GatewayConfig } from '../app.config';
import { ownObjectKeyOf } from '../http/own-storage-url';

const DATA_URL = /^data:image\/[a-z]+;base64,/;

export interface StagedReferences {
  references: GenerationReferenceInput[];
  /** Objects to delete once the broker has read them. */
  stagedKeys: string[];
}

/**
 * Bytes never travel over NATS: each `data:` reference is decoded and put in the store for the
 * broker to read; a URL of our own storage (seed 000's `file_url`, `/files/…`) becomes its object
 * key, read internally; any other URL is passed on for the broker to fetch through the SSRF guard.
 */
@Injectable()
export class ReferenceStaging {
  constructor(
    private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async stage(
    teamId: string,
    requestId: string,
    references: readonly GenerationReference[],
  ): Promise<StagedReferences> {
    const stagedKeys: string[] = [];
    const staged = await Promise.all(
      references.map(async (reference, index): Promise<GenerationReferenceInput> => {
        const prefix = DATA_URL.exec(reference.source);
        if (!prefix) {
          const own = ownObjectKeyOf(reference.source, reference.label, {
            storage: this.storage,
            publicBaseUrl: this.config.PUBLIC_BASE_URL,
            teamId,
          });
          return own === undefined
            ? { label: reference.label, url: reference.source }
            : { label: reference.label, object_key: own };
        }
        const key = generationStagingKey(teamId, requestId, index);
        stagedKeys.push(key);
        const bytes = Buffer.from(reference.source.slice(prefix[0].length), 'base64');
        await this.storage.put({
          key,
          body: bytes,
          contentType: 'application/octet-stream',
          contentLength: bytes.length,
        });
        return { label: reference.label, object_key: key };
      }),
    );
    return { references: staged, stagedKeys };
  }
}
