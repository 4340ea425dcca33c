import { z } from 'zod';
import { callbackDeliveryRequestedEventSchema } from './callback.events';
import {
  fileDeletedEventSchema,
  fileRejectedEventSchema,
  fileUpdatedEventSchema,
  fileUploadedEventSchema,
} from './file.events';
import { generationImageStoredEventSchema, generationRequestLoggedEventSchema } from './generation.events';
import { storageObjectEventSchema } from './storage-object.event';

/** JetStream subjects (`<domain>.<entity>.<past-tense>`) and their payload schemas. */
export const EVENT_SCHEMAS = {
  'storage.object.created': storageObjectEventSchema,
  'storage.object.removed': storageObjectEventSchema,
  'files.file.uploaded': fileUploadedEventSchema,
  'files.file.rejected': fileRejectedEventSchema,
  'files.file.updated': fileUpdatedEventSchema,
  'files.file.deleted': fileDeletedEventSchema,
  'callbacks.delivery.requested': callbackDeliveryRequestedEventSchema,
  'generation.image.stored': generationImageStoredEventSchema,
  'usage.generation.logged': generationRequestLoggedEventSchema,
} as const;

export type EventSubject = keyof typeof EVENT_SCHEMAS;
export type EventMap = { [S in EventSubject]: z.infer<(typeof EVENT_SCHEMAS)[S]> };

/** What travels on the wire: the payload plus identity for idempotent consumers. */
export interface EventEnvelope<S extends EventSubject = EventSubject> {
  id: string;
  subject: S;
  version: 1;
  occurred_at: string;
  data: EventMap[S];
}

export const eventEnvelopeSchema = z.object({
  id: z.string().min(1),
  subject: z.string(),
  version: z.literal(1),
  occurred_at: z.string(),
  data: z.unknown(),
});
