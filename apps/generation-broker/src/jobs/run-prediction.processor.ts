import { Inject, Injectable } from '@nestjs/common';
import { DomainError, JobData, StoredGenerationImage } from '@mp/contracts';
import { JobContext, JobHandler, JobSkipped, LOGGER, Outbox, PermanentJobError, skipJob } from '@mp/platform';
import type { Logger } from 'pino';
import { EntityManager } from 'typeorm';
import { GenerationRunner } from '../generation/generation-runner';
import { generationRequestOf } from '../predictions/prediction-input';
import { PredictionModelCatalog } from '../predictions/prediction-model-catalog';
import { PredictionRepository, PredictionRow } from '../predictions/prediction.repository';
import { PredictionWebhooks } from '../predictions/prediction-webhooks';
import { ReferenceAvailability } from '../predictions/reference-availability';

/** Failures worth another attempt; any other DomainError is the request's own fault and final. */
const TRANSIENT_CODES = new Set(['Internal', 'DependencyUnavailable']);

/**
 * Runs one prediction: queued → processing (the `start` webhook), the generation core, then
 * completed with the stored image or failed with the reason (the `completed` webhook). A job
 * whose prediction is already finished or canceled does nothing; a retried one (processing)
 * generates again into the same object keys.
 */
@Injectable()
export class RunPredictionProcessor {
  constructor(
    private readonly predictions: PredictionRepository,
    private readonly catalog: PredictionModelCatalog,
    private readonly runner: GenerationRunner,
    private readonly webhooks: PredictionWebhooks,
    private readonly referenceFiles: ReferenceAvailability,
    private readonly outbox: Outbox,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @JobHandler('RunPrediction')
  async run(data: JobData<'RunPrediction'>, ctx: JobContext): Promise<JobSkipped | void> {
    const found = await this.predictions.find(data.prediction_id);
    if (!found) return skipJob('prediction-missing');
    const row = found.status === 'queued' ? await this.start(found.id) : found;
    if (!row || row.status !== 'processing') return skipJob('prediction-finished');
    let images: StoredGenerationImage[];
    try {
      images = await this.generate(row);
    } catch (err) {
      const transient = !(err instanceof DomainError) || TRANSIENT_CODES.has(err.code);
      if (transient && ctx.attempt < ctx.maxAttempts) throw err;
      this.logger.warn({ err, predictionId: row.id, attempt: ctx.attempt }, 'Prediction failed');
      const message = err instanceof DomainError ? err.message : 'The generation failed';
      await this.finish(row.id, (m) => this.predictions.fail(m, row.id, message));
      throw new PermanentJobError(message);
    }
    await this.finish(row.id, (m) => this.predictions.complete(m, row.id, images));
  }

  private start(id: string): Promise<PredictionRow | null> {
    return this.outbox.transaction(async (m, emit) => {
      const started = await this.predictions.start(m, id);
      if (started) await this.webhooks.request(emit, started, 'start');
      return started;
    });
  }

  /** The stored images; throws the first image's error when none was delivered. */
  private async generate(row: PredictionRow): Promise<StoredGenerationImage[]> {
    const model = this.catalog.resolve(row.model);
    await this.referenceFiles.awaitStored(row.references);
    const response = await this.runner.run(generationRequestOf(row, model), {
      origin: 'prediction',
      source_job_id: row.id,
    });
    const stored = response.images.filter((image): image is StoredGenerationImage => 'object_key' in image);
    if (stored.length > 0) return stored;
    const failure = response.images.find((image) => 'error' in image);
    const reason = failure && 'error' in failure ? failure.error.message : 'The provider returned no image';
    throw new DomainError('ValidationFailed', reason);
  }

  /** One transition out of processing; nothing (not even a webhook) when a cancel came first. */
  private async finish(id: string, transition: (m: EntityManager) => Promise<PredictionRow | null>): Promise<void> {
    await this.outbox.transaction(async (m, emit) => {
      const finished = await transition(m);
      if (finished) await this.webhooks.request(emit, finished, 'completed');
      else this.logger.info({ predictionId: id }, 'Prediction finished after a cancel; result dropped');
    });
  }
}
