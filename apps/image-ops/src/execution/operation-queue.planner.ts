import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EXTENSION_OF, ImageFormat } from '../imaging/image-engine';
import { predictFormat } from '../imaging/predict-format';
import { OperationRow } from '../operations/operation.repository';
import { join, resultName } from '../tree/image-path';
import { FileRow } from '../tree/image-tree.repository';
import { ImageScope } from '../tree/image-scope';
import { ImageJobEnqueuer } from './image-job.enqueuer';
import { NewImageItem, QueueItemRepository, QueueItemRow } from './queue-item.repository';

export interface DeleteTargets {
  folderIds: string[];
  fileIds: string[];
  includeThumbnail: boolean;
}

/**
 * Writes the image queue's items (status W), inside the caller's transaction: one per (source file ×
 * operation), or one delete item; after commit, adds their BullMQ jobs.
 */
@Injectable()
export class OperationQueuePlanner {
  constructor(
    private readonly items: QueueItemRepository,
    private readonly jobs: ImageJobEnqueuer,
  ) {}

  /** Inside the caller's transaction: every (source × operation) item in one statement. */
  async plan(
    m: EntityManager,
    scope: ImageScope,
    sources: FileRow[],
    operations: OperationRow[],
    callbackUrl: string | null,
  ): Promise<QueueItemRow[]> {
    const items: NewImageItem[] = sources.flatMap((source) =>
      operations.map((op) => {
        const format = predictFormat(source.format as ImageFormat, op.steps);
        const target = join(source.folder_path, resultName(source.name, op.operation_id, '', EXTENSION_OF[format]));
        return {
          operation_id: op.operation_id,
          source_file_id: source.id,
          target_path: target,
          callback_url: callbackUrl,
        };
      }),
    );
    return this.items.createImageItems(m, scope, items);
  }

  /** Inside the caller's transaction: one item deleting these folders and files. */
  async planDelete(m: EntityManager, scope: ImageScope, targets: DeleteTargets): Promise<QueueItemRow> {
    return this.items.createDeleteItem(m, scope, targets);
  }

  /** After commit (see ImageJobEnqueuer). */
  async enqueue(items: QueueItemRow[]): Promise<void> {
    await this.jobs.enqueue(items);
  }
}
