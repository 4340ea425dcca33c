import { Inject, Injectable } from '@nestjs/common';
import { JobData } from '@mp/contracts';
import { JobContext, JobHandler, JobSkipped, LOGGER, PermanentJobError, skipJob } from '@mp/platform';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { ImageDeleteRepository } from '../deletes/image-delete.repository';
import { ImageObjectRemover } from '../deletes/image-object.remover';
import { QueueItemRepository } from '../execution/queue-item.repository';
import { ImageScope } from '../tree/image-scope';

const paramsSchema = z.object({
  folderIds: z.array(z.string()),
  fileIds: z.array(z.string()),
  includeThumbnail: z.boolean(),
});
const progressSchema = z.object({
  pendingObjectKeys: z.array(z.string()).default([]),
  files: z.number().default(0),
  folders: z.number().default(0),
});

/**
 * Runs one `delete` queue item: W/P → P → D. Records go first (one transaction that also notes the
 * objects still to remove on the item), then the objects; a retry removes what an earlier attempt
 * noted, so nothing is left behind. Ids deleted meanwhile are skipped.
 */
@Injectable()
export class RunImageDeleteProcessor {
  constructor(
    private readonly db: DataSource,
    private readonly items: QueueItemRepository,
    private readonly deletes: ImageDeleteRepository,
    private readonly remover: ImageObjectRemover,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @JobHandler('RunImageDelete')
  async run(data: JobData<'RunImageDelete'>, ctx: JobContext): Promise<JobSkipped | void> {
    const item = await this.items.claim(data.queue_id, 'delete', ctx.attempt - 1);
    if (!item) return skipJob(await this.items.unclaimableReason(data.queue_id, 'delete'));
    const scope: ImageScope = { team_id: item.team_id, app_key: item.app_key };
    try {
      const params = paramsSchema.parse(item.params);
      const progress = await this.db.transaction(async (m) => {
        const earlier = progressSchema.parse(item.result ?? {});
        const keys = new Set(earlier.pendingObjectKeys);
        let files = earlier.files;
        let folders = earlier.folders;
        for (const folderId of params.folderIds) {
          const path = await this.deletes.folderPath(m, scope, folderId);
          if (path === null || path === '/') continue;
          const done = await this.deletes.deleteFolder(m, scope, path, params.includeThumbnail);
          done.objectKeys.forEach((k) => keys.add(k));
          files += done.files;
          folders += done.folders;
        }
        const done = await this.deletes.deleteFiles(m, scope, params.fileIds, params.includeThumbnail);
        done.objectKeys.forEach((k) => keys.add(k));
        files += done.files;
        const noted = { pendingObjectKeys: [...keys], files, folders };
        await this.items.saveResult(m, item.id, noted);
        return noted;
      });
      await this.remover.removeOrThrow(progress.pendingObjectKeys);
      await this.items.finish(this.db.manager, item.id, 'D', { files: progress.files, folders: progress.folders });
    } catch (err) {
      if (ctx.attempt < ctx.maxAttempts) throw err;
      this.logger.warn({ err, queueId: item.id }, 'Image delete failed for good');
      await this.items.finish(this.db.manager, item.id, 'F', {
        error: err instanceof Error ? err.message : String(err),
      });
      throw new PermanentJobError(err instanceof Error ? err.message : String(err));
    }
  }
}
