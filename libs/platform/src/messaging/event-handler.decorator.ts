import type { EventSubject } from '@mp/contracts';
import { methodDecorator } from '../discovery/discover-handlers';

export const EVENT_HANDLER = Symbol('EVENT_HANDLER');

export interface EventHandlerOptions {
  subject: EventSubject;
  /** Messages handled at once by this instance (default 8). */
  concurrency?: number;
}

/**
 * Marks a provider method as a durable JetStream consumer of one subject. The method receives
 * the validated envelope; returning acknowledges, throwing redelivers with backoff. Handlers
 * must be idempotent: delivery is at-least-once.
 */
export const EventHandler = (options: EventHandlerOptions | EventSubject): MethodDecorator =>
  methodDecorator(EVENT_HANDLER, typeof options === 'string' ? { subject: options } : options);
