import type { EventEnvelope, EventSubject } from '@mp/contracts';
import { HandlerDecorator, methodDecorator } from '../discovery/discover-handlers';

export const EVENT_HANDLER = Symbol('EVENT_HANDLER');

export interface EventHandlerOptions<S extends EventSubject = EventSubject> {
  subject: S;
  /** Messages handled at once by this instance (default 8). */
  concurrency?: number;
}

/** What an event handler may be: it must accept the envelope of its subject. */
export type EventHandlerMethod<S extends EventSubject> = (event: EventEnvelope<S>) => unknown;

/**
 * Marks a provider method as a durable JetStream consumer of one subject. The method receives
 * the validated envelope (its parameter type must accept `EventEnvelope<subject>`); returning
 * acknowledges, throwing redelivers with backoff. Handlers must be idempotent: delivery is
 * at-least-once.
 */
export const EventHandler = <S extends EventSubject>(
  options: EventHandlerOptions<S> | S,
): HandlerDecorator<EventHandlerMethod<S>> =>
  methodDecorator<EventHandlerOptions, EventHandlerMethod<S>>(
    EVENT_HANDLER,
    typeof options === 'string' ? { subject: options } : options,
  );
