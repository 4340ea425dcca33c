import { Inject, Injectable } from '@nestjs/common';
import { DomainError, JobData } from '@mp/contracts';
import {
  APP_CONFIG,
  JobContext,
  JobHandler,
  JobSkipped,
  LOGGER,
  Outbox,
  PermanentJobError,
  skipJob,
} from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { Logger } from 'pino';
import { ImageOpsConfig } from '../app.config';
import { deliveryIdFor, FileRef, operationCallbackBody } from '../callbacks/callback-bodies';
import { requestCallback } from '../callbacks/callback-emitter';
import { ImageJobClaimRepository } from '../execution/image-job-claim.repository';
import { QueueItemRepository, QueueItemRow } from '../execution/queue-item.repository';
import { OperationRunner } from '../execution/operation-runner';
import { OperationRow } from '../operations/operation.repository';
import { imageUrl } from '../tree/image-dto.mapper';
import { FileRow } from '../tree/image-tree.repository';
import { ImageScope } from '../tree/image-scope';
import { ImageJobStage, ImageJobStageMetrics } from '../execution/job-stage-metrics';
import { StageClock } from '../execution/stage-clock';

/**
 * Runs one queue item: W/P → P (tryCount = retries so far) → D with its result files stored next
 * to the source (`createdBy: P`), or F once retries are exhausted or the failure is permanent.
 * Re-running a finished item does nothing; re-running an unfinished one rewrites the same paths.
 */
@Injectable()
export class RunImageOperationProcessor {
  constructor(
    private readonly items: QueueItemRepository,
    private readonly claims: ImageJobClaimRepository,
    private readonly stages: ImageJobStageMetrics,
    private readonly runner: OperationRunner,
    private readonly storage: ObjectStorage,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: ImageOpsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @JobHandler('RunImageOperation')
  async run(data: JobData<'RunImageOperation'>, ctx: JobContext): Promise<JobSkipped | void> {
    const clock = this.stages.start();
    const claimed = await this.claims.claim(data.queue_id, ctx.attempt - 1);
    if (!claimed) return skipJob(await this.items.unclaimableReason(data.queue_id, 'image'));
    clock.lap('claim');
    const { item, source, operation } = claimed;
    const scope: ImageScope = { team_id: item.team_id, app_key: item.app_key };
    try {
      if (!source) throw new DomainError('NotFound', 'The source image no longer exists');
      if (!operation) throw new DomainError('NotFound', `Operation ${item.operation_id} no longer exists`);
      await this.execute(scope, item, source, operation, clock);
    } catch (err) {
      const permanent =
        err instanceof DomainError &&
        err.code !== 'Internal' &&
        err.code !== 'DependencyUnavailable' &&
        err.code !== 'Timeout';
      if (!permanent && ctx.attempt < ctx.maxAttempts) throw err;
      this.logger.warn({ err, queueId: item.id, attempt: ctx.attempt }, 'Image operation failed for good');
      await this.fail(scope, item, source, operation, err);
      throw new PermanentJobError(err instanceof Error ? err.message : String(err));
    }
  }

  private async execute(
    scope: ImageScope,
    item: QueueItemRow,
    source: FileRow,
    op: OperationRow,
    clock: StageClock<ImageJobStage>,
  ): Promise<void> {
    const rendered = await this.runner.render(scope, source, op, clock);
    let replaced: string[] = [];
    await this.outbox.transaction(async (m, emit) => {
      const results = rendered.map((s) => this.ref(scope, s.path));
      // Before the folder lock: jobs of one folder wait on each other only for the upsert and commit.
      await this.items.finish(m, item.id, 'D', { files: results });
      ({ replaced } = await this.runner.record(m, scope, source, op, rendered));
      for (const url of callbackUrls(item, op)) {
        const body = operationCallbackBody({
          url,
          operationId: op.operation_id,
          overwritten: replaced.length > 0,
          source: this.ref(scope, source.path),
          results,
          failed: false,
        });
        await requestCallback(emit, {
          delivery_id: deliveryIdFor(item.id, 'D', url),
          team_id: scope.team_id,
          url,
          event_type: 'image.operation.completed',
          body,
        });
      }
    });
    clock.lap('record');
    if (replaced.length) {
      await this.storage
        .deleteMany(replaced)
        .catch((err: unknown) => this.logger.warn({ err }, 'Replaced result objects left behind'));
      clock.lap('cleanup');
    }
  }

  private async fail(
    scope: ImageScope,
    item: QueueItemRow,
    source: FileRow | null,
    op: OperationRow | null,
    err: unknown,
  ): Promise<void> {
    await this.outbox.transaction(async (m, emit) => {
      await this.items.finish(m, item.id, 'F', { error: err instanceof Error ? err.message : String(err) });
      for (const url of callbackUrls(item, op)) {
        const sourceRef = source ? this.ref(scope, source.path) : { url: '', name: '', path: '' };
        const body = operationCallbackBody({
          url,
          operationId: item.operation_id,
          overwritten: false,
          source: sourceRef,
          failed: true,
        });
        await requestCallback(emit, {
          delivery_id: deliveryIdFor(item.id, 'F', url),
          team_id: scope.team_id,
          url,
          event_type: 'image.operation.failed',
          body,
        });
      }
    });
  }

  private ref(scope: ImageScope, path: string): FileRef {
    return {
      url: imageUrl(this.config.IMAGE_PUBLIC_BASE_URL, scope, path),
      name: path.slice(path.lastIndexOf('/') + 1),
      path,
    };
  }
}

/**
 * Where an item's result is announced: the request's `callbackUrl` (operations-exec, upload) and
 * the `callbackUrl` of the operation's slice/grid steps (seed: "URL notified of the processing
 * result"), each once.
 */
function callbackUrls(item: QueueItemRow, op: OperationRow | null): string[] {
  const fromSteps = (op?.steps ?? []).map((step) =>
    'callbackUrl' in step.option ? step.option.callbackUrl : undefined,
  );
  return [
    ...new Set([item.callback_url, ...fromSteps].filter((url): url is string => typeof url === 'string' && url !== '')),
  ];
}
