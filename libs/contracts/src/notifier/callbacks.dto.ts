import { z } from 'zod';

/** Lifecycle of one outbound callback: waiting for its first attempt, between retries, or final. */
export const CALLBACK_DELIVERY_STATUSES = ['pending', 'retrying', 'delivered', 'failed'] as const;
export type CallbackDeliveryStatus = (typeof CALLBACK_DELIVERY_STATUSES)[number];

/** How one attempt ended: 2xx, a retryable failure, a final failure, or refused by the outbound (SSRF) guard. */
export const CALLBACK_ATTEMPT_OUTCOMES = ['delivered', 'retry', 'failed', 'refused'] as const;
export type CallbackAttemptOutcome = (typeof CALLBACK_ATTEMPT_OUTCOMES)[number];

/** A callback target: an absolute http(s) URL without credentials (the port and address rules are the notifier's). */
export const callbackUrlSchema = z
  .string({ error: 'url must be a string' })
  .max(2048, 'url must be at most 2048 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (
        (url.protocol === 'http:' || url.protocol === 'https:') &&
        url.hostname !== '' &&
        url.username === '' &&
        url.password === ''
      );
    } catch {
      return false;
    }
  }, 'url must be an absolute http or https URL without credentials');

export const callbackDeliverySchema = z.object({
  id: z.string(),
  team_id: z.string(),
  event_type: z.string(),
  url: z.string(),
  status: z.enum(CALLBACK_DELIVERY_STATUSES),
  /** Attempts made over the delivery's life, manual redeliveries included. */
  attempt_count: z.number().int(),
  /** Redelivery round (1 = the original delivery). */
  round: z.number().int(),
  max_attempts: z.number().int(),
  next_attempt_at: z.string().nullable(),
  last_status_code: z.number().int().nullable(),
  last_error: z.string().nullable(),
  source: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  completed_at: z.string().nullable(),
});
export type CallbackDelivery = z.infer<typeof callbackDeliverySchema>;

export const callbackAttemptSchema = z.object({
  round: z.number().int(),
  attempt: z.number().int(),
  started_at: z.string(),
  duration_ms: z.number().int(),
  outcome: z.enum(CALLBACK_ATTEMPT_OUTCOMES),
  status_code: z.number().int().nullable(),
  /** Resolved address the request was sent to (pinned after the SSRF check). */
  remote_address: z.string().nullable(),
  error: z.string().nullable(),
  response_excerpt: z.string().nullable(),
  next_retry_at: z.string().nullable(),
});
export type CallbackAttempt = z.infer<typeof callbackAttemptSchema>;

export const callbackDeliveryDetailSchema = callbackDeliverySchema.extend({
  body: z.unknown(),
  attempts: z.array(callbackAttemptSchema),
});
export type CallbackDeliveryDetail = z.infer<typeof callbackDeliveryDetailSchema>;

/** Query of `GET /admin/v1/teams/{id}/callbacks`. */
export const listCallbackDeliveriesQuerySchema = z.object({
  status: z
    .enum(CALLBACK_DELIVERY_STATUSES, { error: `status must be one of ${CALLBACK_DELIVERY_STATUSES.join(', ')}` })
    .optional(),
  page: z.coerce
    .number({ error: 'page must be a number' })
    .int('page must be an integer')
    .min(1, 'page must be at least 1')
    .max(100_000, 'page must be at most 100000')
    .default(1),
  per_page: z.coerce
    .number({ error: 'per_page must be a number' })
    .int('per_page must be an integer')
    .min(1, 'per_page must be at least 1')
    .max(100, 'per_page must be at most 100')
    .default(20),
});
export type ListCallbackDeliveriesQuery = z.infer<typeof listCallbackDeliveriesQuerySchema>;

export const callbackDeliveryPageSchema = z.object({
  deliveries: z.array(callbackDeliverySchema),
  paging: z.object({ page: z.number().int(), per_page: z.number().int(), total: z.number().int() }),
});
export type CallbackDeliveryPage = z.infer<typeof callbackDeliveryPageSchema>;

/**
 * A team's signing secret. `secret` (`whsec_<base64>`) is present only when it is revealed: when it
 * is created or rotated, and on the first read after the notifier generated it for a delivery.
 */
export const callbackSecretSchema = z.object({
  team_id: z.string(),
  hint: z.string(),
  created_at: z.string(),
  revealed: z.boolean(),
  secret: z.string().optional(),
});
export type CallbackSecret = z.infer<typeof callbackSecretSchema>;
