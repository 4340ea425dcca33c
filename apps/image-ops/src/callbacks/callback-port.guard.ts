import { DomainError } from '@mp/contracts';
import { imageCallbackPortError } from '@mp/outbound';

/** Refuses callback URLs on ports outside `OUTBOUND_ALLOWED_PORTS` (the seed: 80 and 443). */
export function assertCallbackPorts(urls: Array<string | null | undefined>, allowedPorts: ReadonlySet<number>): void {
  for (const url of urls) {
    const message = imageCallbackPortError(url ?? undefined, allowedPorts);
    if (message) throw new DomainError('ValidationFailed', message);
  }
}
