import { Inject, Injectable } from '@nestjs/common';
import {
  CreatePredictionBody,
  FINISHED_PREDICTION_STATUSES,
  GenerationReferenceInput,
  Prediction,
  predictionReferenceUrl,
  Principal,
} from '@mp/contracts';
import { APP_CONFIG, RpcClient } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import { setTimeout as sleep } from 'node:timers/promises';
import type { GatewayConfig } from '../app.config';
import { BestEffortCleanup } from '../http/best-effort-cleanup';
import { IdempotencyStore } from '../http/idempotency.store';
import { ownObjectKeyOf } from '../http/own-storage-url';

/** How often a `Prefer: wait` request looks at the prediction again. */
const WAIT_POLL_MS = 250;

export interface SubmittedPrediction {
  prediction: Prediction;
  /** False when an `Idempotency-Key` retry answered the job of the first request. */
  created: boolean;
}

/** Seed 000 `/v1/predictions`: our own reference URLs become object keys, the broker stores and runs the job. */
@Injectable()
export class PredictionsService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly storage: ObjectStorage,
    private readonly idempotency: IdempotencyStore,
    private readonly cleanup: BestEffortCleanup,
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** With an `Idempotency-Key`, the same body within 24 h answers the first job (its current state). */
  async create(
    principal: Principal,
    body: CreatePredictionBody,
    idempotencyKey?: string,
  ): Promise<SubmittedPrediction> {
    if (idempotencyKey === undefined) return { prediction: await this.submit(principal, body), created: true };
    const scope = `predictions:${principal.key_id}`;
    const claim = await this.idempotency.claim<{ job_id: string }>(scope, idempotencyKey, body);
    if (claim.kind === 'replay') return { prediction: await this.get(principal, claim.result.job_id), created: false };
    let prediction: Prediction;
    try {
      prediction = await this.submit(principal, body);
    } catch (err) {
      await this.cleanup.run('idempotency key release', () => this.idempotency.release(claim));
      throw err;
    }
    await this.idempotency.complete(claim, { job_id: prediction.job_id });
    return { prediction, created: true };
  }

  get(principal: Principal, jobId: string): Promise<Prediction> {
    return this.rpc.request('generation.prediction.get', { team_id: principal.team_id, job_id: jobId });
  }

  cancel(principal: Principal, jobId: string): Promise<Prediction> {
    return this.rpc.request('generation.prediction.cancel', { team_id: principal.team_id, job_id: jobId });
  }

  /** `Prefer: wait`: the prediction once finished, or as it is when `seconds` have passed. */
  async settle(principal: Principal, prediction: Prediction, seconds: number): Promise<Prediction> {
    const deadline = Date.now() + seconds * 1000;
    let current = prediction;
    while (!FINISHED_PREDICTION_STATUSES.includes(current.status) && Date.now() < deadline) {
      await sleep(Math.min(WAIT_POLL_MS, Math.max(0, deadline - Date.now())));
      current = await this.get(principal, prediction.job_id);
    }
    return current;
  }

  private submit(principal: Principal, body: CreatePredictionBody): Promise<Prediction> {
    return this.rpc.request('generation.prediction.create', {
      team_id: principal.team_id,
      key_id: principal.key_id,
      model: body.model,
      input: body.input,
      references: this.references(principal, body.input),
      webhook: body.webhook,
      webhook_events_filter: body.webhook_events_filter,
    });
  }

  /** `input.image_url` / `input.image`: read internally when it is ours, else fetched by the broker through the SSRF guard. */
  private references(principal: Principal, input: Record<string, unknown>): GenerationReferenceInput[] {
    const reference = predictionReferenceUrl(input);
    if (!reference) return [];
    const key = ownObjectKeyOf(reference.url, reference.field, {
      storage: this.storage,
      publicBaseUrl: this.config.PUBLIC_BASE_URL,
      teamId: principal.team_id,
    });
    return [
      key === undefined ? { label: reference.field, url: reference.url } : { label: reference.field, object_key: key },
    ];
  }
}
