import { Injectable } from '@nestjs/common';
import { Prediction } from '@mp/contracts';
import { ObjectStorage } from '@mp/storage';
import { PredictionRepository, PredictionRow } from './prediction.repository';

/** Seed 000: "결과 파일 URL — 7일" (result URLs are valid for 7 days). */
export const PREDICTION_RESULT_URL_TTL_SECONDS = 7 * 24 * 3600;

/** A prediction row as clients see it: the output as a signed URL, the queue position while queued. */
@Injectable()
export class PredictionView {
  constructor(
    private readonly storage: ObjectStorage,
    private readonly predictions: PredictionRepository,
  ) {}

  async of(row: PredictionRow): Promise<Prediction> {
    const image = row.status === 'completed' ? row.result?.[0] : undefined;
    return {
      job_id: row.id,
      model: row.model,
      status: row.status,
      input: row.input,
      result: image
        ? await this.storage.presignGet({
            key: image.object_key,
            contentType: 'image/jpeg',
            expiresInSeconds: PREDICTION_RESULT_URL_TTL_SECONDS,
          })
        : null,
      error: row.error,
      queue_position: row.status === 'queued' ? await this.predictions.queuePosition(row) : null,
      webhook: row.webhook,
      webhook_events_filter: row.webhook_events_filter,
      created_at: row.created_at.toISOString(),
      started_at: row.started_at?.toISOString() ?? null,
      completed_at: row.completed_at?.toISOString() ?? null,
    };
  }
}
