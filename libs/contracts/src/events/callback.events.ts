import { z } from 'zod';
import { callbackUrlSchema } from '../notifier/callbacks.dto';

/**
 * A service asks the notifier to deliver one callback (emit it through the outbox, in the
 * transaction that decided it). The notifier records it and delivers it at least once; the
 * receiver sees `delivery_id` as `webhook-id`, identical across retries, to deduplicate.
 */
export const callbackDeliveryRequestedEventSchema = z.object({
  /** Chosen by the producer: requesting the same id twice delivers once. */
  delivery_id: z.uuid({ error: 'delivery_id must be a UUID' }),
  team_id: z.uuid({ error: 'team_id must be a UUID' }),
  url: callbackUrlSchema,
  /** What happened, e.g. `image.operation.completed`; sent as the `webhook-event` header. */
  event_type: z
    .string()
    .regex(/^[a-z][a-z0-9_.-]{0,99}$/, 'event_type must be lowercase letters, digits, ".", "_" or "-" (max 100)'),
  /** The JSON body, sent exactly as given. */
  body: z.json(),
  /** The producing app, for the delivery log. */
  source: z.string().max(100).optional(),
});
export type CallbackDeliveryRequestedEvent = z.infer<typeof callbackDeliveryRequestedEventSchema>;
