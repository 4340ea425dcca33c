import { Inject, Injectable } from '@nestjs/common';
import { CallbackAttemptOutcome, JobData } from '@mp/contracts';
import { APP_CONFIG, LOGGER } from '@mp/platform';
import type { Logger } from 'pino';
import { NotifierConfig } from '../app.config';
import { HOST_RESOLVER, HostResolver, OutboundRefusedError, postToTarget, resolveOutboundTarget } from '@mp/outbound';
import { CallbackSecretService } from '../secrets/callback-secret.service';
import { webhookHeaders } from '../signing/webhook-signature';
import { AttemptResult, refusedResult, resultOfNetworkError, resultOfResponse, truncate } from './attempt-result';
import { CallbackMetrics } from './callback-metrics';
import { DeliveryEntity } from './delivery.entity';
import { DeliveryProgress, DeliveryRepository } from './delivery.repository';
import { DeliveryScheduler } from './delivery-scheduler';
import { retryDelayMs } from './retry-policy';

const USER_AGENT = 'mp-notifier/1 (+callbacks)';
const EXCERPT_BYTES = 1024;

/** Runs one attempt of a delivery: guard, sign, POST, record, and schedule the next attempt if any. */
@Injectable()
export class CallbackDeliverer {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly secrets: CallbackSecretService,
    private readonly scheduler: DeliveryScheduler,
    private readonly metrics: CallbackMetrics,
    @Inject(HOST_RESOLVER) private readonly resolve: HostResolver,
    @Inject(APP_CONFIG) private readonly config: NotifierConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async attempt(job: JobData<'DeliverCallback'>): Promise<CallbackAttemptOutcome | 'stale'> {
    const delivery = await this.deliveries.findForTeam(job.delivery_id, job.team_id);
    if (!delivery || !isDue(delivery, job.round, job.attempt)) return 'stale';
    const secret = await this.secrets.signingSecret(delivery.team_id);
    const startedAt = new Date();
    const started = performance.now();
    let remoteAddress: string | null = null;
    let excerpt: string | null = null;
    let result: AttemptResult;
    try {
      const target = await resolveOutboundTarget(
        delivery.url,
        { allowedPorts: this.config.OUTBOUND_ALLOWED_PORTS, ...this.config.OUTBOUND_ALLOWLIST },
        this.resolve,
      );
      remoteAddress = target.address;
      const timestamp = Math.floor(Date.now() / 1000);
      const response = await postToTarget({
        target,
        body: delivery.payload,
        timeoutMs: this.config.CALLBACK_TIMEOUT_MS,
        excerptBytes: EXCERPT_BYTES,
        headers: {
          'content-type': 'application/json',
          'user-agent': USER_AGENT,
          'x-webhook-event': delivery.event_type,
          ...webhookHeaders(secret, delivery.id, timestamp, delivery.payload),
        },
      });
      excerpt = response.excerpt ? truncate(response.excerpt, EXCERPT_BYTES) : null;
      result = resultOfResponse(response.statusCode, response.headers['retry-after'], Date.now());
    } catch (err) {
      result = err instanceof OutboundRefusedError ? refusedResult(err.message) : resultOfNetworkError(err);
    }
    const durationMs = Math.round(performance.now() - started);
    const progress = this.progressAfter(delivery, job.attempt, result);
    const outcome: CallbackAttemptOutcome =
      result.outcome === 'retry' && !progress.next_attempt_at ? 'failed' : result.outcome;
    const recorded = await this.deliveries.recordAttempt(
      {
        delivery_id: delivery.id,
        team_id: delivery.team_id,
        round: job.round,
        attempt: job.attempt,
        started_at: startedAt,
        duration_ms: durationMs,
        outcome,
        status_code: result.statusCode,
        remote_address: remoteAddress,
        error: result.error,
        response_excerpt: excerpt,
        next_retry_at: progress.next_attempt_at,
      },
      progress,
    );
    if (!recorded) return 'stale';
    this.metrics.observe(outcome, durationMs);
    this.logger.info(
      {
        deliveryId: delivery.id,
        teamId: delivery.team_id,
        host: safeHost(delivery.url),
        round: job.round,
        attempt: job.attempt,
        outcome,
        status: result.statusCode,
        durationMs,
      },
      'Callback attempt',
    );
    if (progress.next_attempt_at)
      await this.scheduler.schedule(delivery, job.attempt + 1, progress.next_attempt_at.getTime() - Date.now());
    return outcome;
  }

  private progressAfter(delivery: DeliveryEntity, attempt: number, result: AttemptResult): DeliveryProgress {
    const base = { last_status_code: result.statusCode, last_error: result.error };
    if (result.outcome === 'delivered') return { ...base, status: 'delivered', next_attempt_at: null, completed: true };
    if (result.outcome === 'retry' && attempt < delivery.max_attempts) {
      const delay = retryDelayMs(
        attempt,
        { baseDelayMs: this.config.CALLBACK_BACKOFF_BASE_MS, maxDelayMs: this.config.CALLBACK_BACKOFF_MAX_MS },
        result.retryAfterMs,
      );
      return { ...base, status: 'retrying', next_attempt_at: new Date(Date.now() + delay), completed: false };
    }
    const gaveUp = result.outcome === 'retry' ? ` (gave up after ${attempt} attempts)` : '';
    return {
      ...base,
      last_error: truncate(`${result.error ?? 'failed'}${gaveUp}`),
      status: 'failed',
      next_attempt_at: null,
      completed: true,
    };
  }
}

function isDue(delivery: DeliveryEntity, round: number, attempt: number): boolean {
  return (
    (delivery.status === 'pending' || delivery.status === 'retrying') &&
    delivery.round === round &&
    delivery.round_attempts === attempt - 1
  );
}

/** Host only: query strings of callback URLs may carry the receiver's tokens. */
function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(invalid)';
  }
}
