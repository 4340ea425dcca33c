import { Injectable } from '@nestjs/common';
import { GenerationImageStoredEvent, generationOutputKey, StoredGenerationImage } from '@mp/contracts';
import { Outbox } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import { GeneratedImage } from '../providers';

/** What the stored images of one request are announced with (files registers them, the gallery lists them). */
export type GenerationProvenance = Pick<
  GenerationImageStoredEvent,
  'team_id' | 'key_id' | 'origin' | 'source_job_id' | 'model' | 'prompt' | 'size_label'
>;

/** Keeps every generated JPEG in the team's part of object storage, where URLs and the gallery point. */
@Injectable()
export class GenerationOutputStore {
  constructor(
    private readonly storage: ObjectStorage,
    private readonly outbox: Outbox,
  ) {}

  async store(teamId: string, requestId: string, index: number, image: GeneratedImage): Promise<StoredGenerationImage> {
    const key = generationOutputKey(teamId, requestId, index);
    await this.storage.put({ key, body: image.bytes, contentType: 'image/jpeg', contentLength: image.bytes.length });
    return { object_key: key, width: image.width, height: image.height, bytes: image.bytes.length };
  }

  /** One `generation.image.stored` per image, through the outbox so none is lost when NATS hiccups. */
  async announce(
    provenance: GenerationProvenance,
    images: Array<StoredGenerationImage & { index: number }>,
  ): Promise<void> {
    if (images.length === 0) return;
    const created_at = new Date().toISOString();
    await this.outbox.transaction(async (_manager, emit) => {
      for (const image of images) {
        await emit('generation.image.stored', {
          ...provenance,
          index: image.index,
          object_key: image.object_key,
          content_type: 'image/jpeg',
          bytes: image.bytes,
          width: image.width,
          height: image.height,
          created_at,
        });
      }
    });
  }
}
