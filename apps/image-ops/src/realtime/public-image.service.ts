import { Inject, Injectable } from '@nestjs/common';
import { DomainError, IMAGE_RESULT, RpcParsedRequest, RpcResponse } from '@mp/contracts';
import { LOGGER, RpcHandler } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { OperationRunner } from '../execution/operation-runner';
import { EXTENSION_OF, ImageFormat } from '../imaging/image-engine';
import { predictFormat } from '../imaging/predict-format';
import { OperationRepository, OperationRow } from '../operations/operation.repository';
import { nameOf, parentOf, splitExtension } from '../tree/image-path';
import { FileRow, ImageTreeRepository } from '../tree/image-tree.repository';
import { ImageScope } from '../tree/image-scope';
import { OnRequestClock, OnRequestStageMetrics } from './on-request-stage-metrics';
import { PublicImageRepository } from './public-image.repository';
import { realtimeCandidates } from './realtime-name';

type Resolved = RpcResponse<'images.public.resolve'>;

/**
 * Public image URLs (`{base}/{appKey}{path}`): the stored object to stream. A missing operation
 * result (`<name>_<operationId>.<ext>`) is produced on first request when the app's realtime service
 * and the operation's `realtimeService` are on: once per path (concurrent requests share one run in
 * this process, and a database lock serialises processes), then served from storage.
 */
@Injectable()
export class PublicImageService {
  private readonly inFlight = new Map<string, Promise<Resolved>>();

  constructor(
    private readonly db: DataSource,
    private readonly tree: ImageTreeRepository,
    private readonly images: PublicImageRepository,
    private readonly operations: OperationRepository,
    private readonly runner: OperationRunner,
    private readonly storage: ObjectStorage,
    private readonly stages: OnRequestStageMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @RpcHandler('images.public.resolve')
  async resolve(req: RpcParsedRequest<'images.public.resolve'>): Promise<Resolved> {
    const clock = this.stages.start('public');
    const stored = await this.images.findPublic(req.app_key, req.path);
    clock.lap('lookup');
    if (stored) return served(stored);
    const key = `${req.app_key}\u0000${req.path}`;
    let run = this.inFlight.get(key);
    if (!run) {
      run = this.produce(req.app_key, req.path, clock).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, run);
    }
    return run;
  }

  private async produce(appKey: string, path: string, clock: OnRequestClock): Promise<Resolved> {
    const scope = await this.images.realtimeScopeOf(appKey);
    if (!scope) throw notFound(path);
    const plan = await this.planFor(scope, path);
    clock.lap('plan');
    if (!plan) throw notFound(path);
    const made = await this.db.transaction(async (m) => {
      await this.images.lockProduction(m, scope, plan.source.id, plan.op.operation_id);
      const already = await this.tree.findFile(scope, path, m);
      clock.lap('lock');
      if (already) return { file: already, replaced: [] as string[], unused: [] as string[] };
      const rendered = await this.runner.render(scope, plan.source, plan.op, clock);
      const { files, replaced } = await this.runner.record(m, scope, plan.source, plan.op, rendered);
      const file = files.find((f) => f.path === path) ?? null;
      clock.lap('record');
      return { file, replaced, unused: file ? [] : rendered.map((r) => r.key) };
    });
    clock.lap('commit');
    const leftovers = [...made.replaced, ...made.unused];
    if (leftovers.length)
      await this.storage
        .deleteMany(leftovers)
        .catch((err: unknown) => this.logger.warn({ err }, 'Replaced realtime objects left behind'));
    if (!made.file) throw notFound(path);
    this.logger.info(
      { appKey, path, operationId: plan.op.operation_id },
      'Produced an image on request (realtime service)',
    );
    return served(made.file);
  }

  /** The source and operation a missing path names, if the operation allows realtime use. */
  private async planFor(scope: ImageScope, path: string): Promise<{ source: FileRow; op: OperationRow } | null> {
    const folder = parentOf(path);
    for (const c of realtimeCandidates(nameOf(path))) {
      // Independent lookups, run side by side: one round trip of latency instead of two.
      const [op, sources] = await Promise.all([
        this.operations.find(scope, c.operationId),
        this.images.findRealtimeSources(scope, folder, c.sourceBase),
      ]);
      if (!op || !op.realtime_service || op.steps.length === 0) continue;
      const pieces = op.steps.some((s) => s.templateOperationId === 'slice' || s.templateOperationId === 'grid');
      if ((c.suffix !== '') !== pieces) continue;
      for (const source of sources) {
        if (splitExtension(source.name)[0] !== c.sourceBase) continue;
        if (EXTENSION_OF[predictFormat(source.format as ImageFormat, op.steps)] === c.extension) return { source, op };
      }
    }
    return null;
  }
}

function served(file: FileRow): Resolved {
  const version = file.object_key.slice(file.object_key.lastIndexOf('/') + 1);
  return {
    object_key: file.object_key,
    etag: `"${version}"`,
    content_type: `image/${file.format}`,
    bytes: Number(file.bytes),
  };
}

function notFound(path: string): DomainError {
  return new DomainError('NotFound', `No image at ${path}`, { resultCode: IMAGE_RESULT.pathNotFound.code });
}
