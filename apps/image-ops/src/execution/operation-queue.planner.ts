import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, JobQueue, LOGGER } from '@mp/platform';
import type { Logger } from 'pino';
import { EntityManager } from 'typeorm';
import { ImageOpsConfig } from '../app.config';
import { EXTENSION_OF, ImageFormat } from '../imaging/image-engine';
import { predictFormat } from '../imaging/predict-format';
import { OperationRow } from '../operations/operation.repository';
import { join, resultName } from '../tree/image-path';
import { FileRow } from '../tree/image-tree.repository';
import { ImageScope } from '../tree/image-scope';
import { QueueItemRepository, QueueItemRow } from './queue-item.repository';

/** Turns (source file × operation) into queue items (status W) and, after commit, BullMQ jobs. */
@Injectable()
export class OperationQueuePlanner {
  constructor(
    private readonly items: QueueItemRepository,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: ImageOpsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Inside the caller's transaction. */
  async plan(m: EntityManager, scope: ImageScope, source: FileRow, operations: OperationRow[], callbackUrl: string | null): Promise<QueueItemRow[]> {
    const created: QueueItemRow[] = [];
    for (const op of operations) {
      const format = predictFormat(source.format as ImageFormat, op.steps);
      const target = join(source.folder_path, resultName(source.name, op.operation_id, '', EXTENSION_OF[format]));
      created.push(await this.items.createImageItem(m, scope, { operation_id: op.operation_id, source_file_id: source.id, target_path: target, callback_url: callbackUrl }));
    }
    return created;
  }

  /** After commit. The job id is the queue id, so enqueueing twice runs once. */
  async enqueue(items: QueueItemRow[]): Promise<void> {
    for (const item of items) {
      await this.jobs
        .enqueue({ name: 'RunImageOperation', data: { queue_id: item.id } }, { jobId: item.id, attempts: this.config.IMAGE_JOB_ATTEMPTS })
        .catch((err: unknown) => this.logger.error({ err, queueId: item.id }, 'Could not enqueue an image operation'));
    }
  }
}
