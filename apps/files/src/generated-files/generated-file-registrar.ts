import { Injectable } from '@nestjs/common';
import { EventEnvelope, GenerationImageStoredEvent } from '@mp/contracts';
import { EventHandler, Outbox } from '@mp/platform';
import { Clock } from '../clock/clock';
import { toFileDocument } from '../files/file-document.mapper';
import { FileRepository } from '../files/file.repository';

/** Seed 000's folder for model outputs (its `distinct/folder` example lists `outputs`). */
export const GENERATED_FILES_FOLDER = 'outputs';

/**
 * Every generated image becomes a file of its team (`source: "prediction"`), searchable by
 * `source_job_id`, `source_model`, `prompt`, `width` and `height`. Generated files do not expire:
 * the gallery points at them; the team deletes them like any file.
 */
@Injectable()
export class GeneratedFileRegistrar {
  constructor(
    private readonly files: FileRepository,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  @EventHandler({ subject: 'generation.image.stored', concurrency: 16 })
  async onImageStored(event: EventEnvelope<'generation.image.stored'>): Promise<void> {
    await this.register(event.data);
  }

  /** Idempotent on the object key: a redelivered event registers nothing twice. */
  async register(image: GenerationImageStoredEvent): Promise<void> {
    const now = this.clock.now();
    await this.outbox.transaction(async (manager, emit) => {
      const file = await this.files.insertActive(manager, {
        team_id: image.team_id,
        user_id: null,
        object_key: image.object_key,
        filename: `${image.source_job_id}-${image.index}.jpeg`,
        folder: GENERATED_FILES_FOLDER,
        extension: 'jpeg',
        declared_content_type: image.content_type,
        content_type: image.content_type,
        size: image.bytes,
        checksum_md5: null,
        checksum_sha256: null,
        etag: null,
        width: image.width,
        height: image.height,
        source: 'prediction',
        upload_ip: null,
        metadata: {
          source_job_id: image.source_job_id,
          source_model: image.model,
          prompt: image.prompt,
          ...(image.seed === undefined ? {} : { seed: image.seed }),
        },
        max_bytes: image.bytes,
        upload_expires_at: now,
        activated_at: now,
        expires_at: null,
        created_at: new Date(image.created_at),
        updated_at: now,
      });
      if (file) await emit('files.file.uploaded', { file: toFileDocument(file) });
    });
  }
}
