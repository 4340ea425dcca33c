import { Inject, Injectable } from '@nestjs/common';
import { DomainError, Prediction, PREDICTION_WEBHOOK_EVENTS, RpcParsedRequest } from '@mp/contracts';
import { JobQueue, LOGGER, Outbox, RpcHandler } from '@mp/platform';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { checkGenerationRequest } from '../generation/generation-request.check';
import { generationRequestOf } from './prediction-input';
import { PredictionModelCatalog } from './prediction-model-catalog';
import { PredictionRepository, PredictionRow } from './prediction.repository';
import { PredictionView } from './prediction-view';
import { PredictionWebhooks } from './prediction-webhooks';

const notFound = () => new DomainError('NotFound', 'Prediction not found');

/** Seed 000 predictions: submitted (checked, stored, queued), read and canceled per team. */
@Injectable()
export class PredictionsService {
  constructor(
    private readonly predictions: PredictionRepository,
    private readonly catalog: PredictionModelCatalog,
    private readonly view: PredictionView,
    private readonly webhooks: PredictionWebhooks,
    private readonly jobs: JobQueue,
    private readonly outbox: Outbox,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Everything that can be checked is checked here, so a bad request is a 400 and never a job that fails later. */
  @RpcHandler('generation.prediction.create')
  async create(request: RpcParsedRequest<'generation.prediction.create'>): Promise<Prediction> {
    const model = this.catalog.resolve(request.model);
    const prediction = { ...request, id: randomUUID() };
    checkGenerationRequest(generationRequestOf(prediction, model));
    const row = await this.predictions.insert({
      ...prediction,
      webhook: request.webhook ?? null,
      webhook_events_filter: request.webhook_events_filter ?? [...PREDICTION_WEBHOOK_EVENTS],
    });
    try {
      await this.jobs.enqueue({ name: 'RunPrediction', data: { prediction_id: row.id } }, { jobId: row.id });
    } catch (err) {
      this.logger.error({ err, predictionId: row.id }, 'Could not queue a prediction');
      await this.outbox.transaction((m) => this.predictions.cancel(m, row.team_id, row.id));
      throw new DomainError('DependencyUnavailable', 'The prediction could not be queued; retry shortly');
    }
    return this.view.of(row);
  }

  @RpcHandler('generation.prediction.get')
  async get(request: RpcParsedRequest<'generation.prediction.get'>): Promise<Prediction> {
    const row = await this.predictions.findOfTeam(request.team_id, request.job_id);
    if (!row) throw notFound();
    return this.view.of(row);
  }

  /** queued/processing → canceled (with the `completed` webhook); a finished prediction is answered unchanged. */
  @RpcHandler('generation.prediction.cancel')
  async cancel(request: RpcParsedRequest<'generation.prediction.cancel'>): Promise<Prediction> {
    const canceled = await this.outbox.transaction(async (m, emit): Promise<PredictionRow | null> => {
      const row = await this.predictions.cancel(m, request.team_id, request.job_id);
      if (row) await this.webhooks.request(emit, row, 'completed');
      return row;
    });
    if (canceled) return this.view.of(canceled);
    return this.get(request);
  }
}
