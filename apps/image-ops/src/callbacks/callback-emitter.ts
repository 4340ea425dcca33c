import type { CallbackDeliveryRequestedEvent } from '@mp/contracts';
import type { Emit } from '@mp/platform';

/** Asks the notifier (through the outbox, in the caller's transaction) to deliver one callback. */
export async function requestCallback(
  emit: Emit,
  event: Omit<CallbackDeliveryRequestedEvent, 'source'>,
): Promise<void> {
  await emit('callbacks.delivery.requested', { ...event, source: 'image-ops' });
}
