import { CallbackAttempt, CallbackDelivery } from '@mp/contracts';
import { DeliveryAttemptEntity } from './delivery-attempt.entity';
import { DeliveryEntity } from './delivery.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toDeliveryDto(d: DeliveryEntity): CallbackDelivery {
  return {
    id: d.id,
    team_id: d.team_id,
    event_type: d.event_type,
    url: d.url,
    status: d.status,
    attempt_count: d.attempt_count,
    round: d.round,
    max_attempts: d.max_attempts,
    next_attempt_at: iso(d.next_attempt_at),
    last_status_code: d.last_status_code,
    last_error: d.last_error,
    source: d.source,
    created_at: d.created_at.toISOString(),
    updated_at: d.updated_at.toISOString(),
    completed_at: iso(d.completed_at),
  };
}

export function toAttemptDto(a: DeliveryAttemptEntity): CallbackAttempt {
  return {
    round: a.round,
    attempt: a.attempt,
    started_at: a.started_at.toISOString(),
    duration_ms: a.duration_ms,
    outcome: a.outcome,
    status_code: a.status_code,
    remote_address: a.remote_address,
    error: a.error,
    response_excerpt: a.response_excerpt,
    next_retry_at: iso(a.next_retry_at),
  };
}

/** The stored body as JSON (null when it was refused for its size and not kept). */
export function storedBody(payload: string): unknown {
  return payload === '' ? null : (JSON.parse(payload) as unknown);
}
