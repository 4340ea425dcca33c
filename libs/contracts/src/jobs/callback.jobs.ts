import { z } from 'zod';

/**
 * One delivery attempt of a recorded callback. The delivery row (notifier's schema) holds url,
 * body, event type and team; the job only says which attempt of which round is due, so a
 * replayed or stale job is recognised and skipped.
 */
export const deliverCallbackJobSchema = z.object({
  delivery_id: z.uuid(),
  team_id: z.uuid(),
  /** Redelivery round, 1 for the original delivery. */
  round: z.number().int().min(1),
  /** Attempt number within the round, from 1. */
  attempt: z.number().int().min(1),
});

/** Safety net: re-enqueues deliveries whose due attempt has no job (scheduled, one at a time). */
export const sweepCallbacksJobSchema = z.object({});
