import { Inject, Injectable } from '@nestjs/common';
import { DomainError, IMAGE_RESULT, RpcParsedRequest, RpcResponse } from '@mp/contracts';
import { APP_CONFIG, RpcHandler } from '@mp/platform';
import { DataSource } from 'typeorm';
import { ImageOpsConfig } from '../app.config';
import { assertCallbackPorts } from '../callbacks/callback-port.guard';
import { OperationRow } from '../operations/operation.repository';
import { OperationService, toOperationDto } from '../operations/operation.service';
import { ImageTreeRepository } from '../tree/image-tree.repository';
import { OperationQueuePlanner } from './operation-queue.planner';
import { QueueItemRepository, QueueItemRow, toQueueDto } from './queue-item.repository';

/** `operations-exec`: one queue item per source file × operation; `queues/{id}`: an item's status. */
@Injectable()
export class OperationExecService {
  constructor(
    private readonly db: DataSource,
    private readonly tree: ImageTreeRepository,
    private readonly operations: OperationService,
    private readonly planner: OperationQueuePlanner,
    private readonly items: QueueItemRepository,
    @Inject(APP_CONFIG) private readonly config: ImageOpsConfig,
  ) {}

  @RpcHandler('images.operations.exec')
  async exec(req: RpcParsedRequest<'images.operations.exec'>): Promise<RpcResponse<'images.operations.exec'>> {
    assertCallbackPorts([req.callbackUrl], this.config.OUTBOUND_ALLOWED_PORTS);
    const ops: OperationRow[] = [];
    for (const id of [...new Set(req.operationIds)]) ops.push(await this.operations.require(req, id));
    const sources = await this.tree.findSources(req, req.filepaths);
    if (!sources.length)
      throw new DomainError('NotFound', 'None of filepaths is an uploaded image', {
        resultCode: IMAGE_RESULT.pathNotFound.code,
      });
    const planned: QueueItemRow[] = await this.db.transaction((m) =>
      this.planner.plan(m, req, sources, ops, req.callbackUrl ?? null),
    );
    await this.planner.enqueue(planned);
    return {
      operations: ops.map((op) => toOperationDto(req, op)),
      queues: planned.map((q) => toQueueDto(this.config.IMAGE_PUBLIC_BASE_URL, q)),
    };
  }

  @RpcHandler('images.queue.get')
  async get(req: RpcParsedRequest<'images.queue.get'>): Promise<RpcResponse<'images.queue.get'>> {
    const row = await this.items.findScoped(req, req.queueId);
    if (!row)
      throw new DomainError('NotFound', `No queue item ${req.queueId}`, {
        resultCode: IMAGE_RESULT.queueNotFound.code,
      });
    return { queue: toQueueDto(this.config.IMAGE_PUBLIC_BASE_URL, row) };
  }
}
