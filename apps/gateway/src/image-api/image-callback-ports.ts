import { DomainError } from '@mp/contracts';
import { imageCallbackPortError } from '@mp/outbound';

/** Refuses callback URLs on ports outside `OUTBOUND_ALLOWED_PORTS` (the seed: 80 and 443), naming the field. */
export function assertCallbackPorts(urls: Array<string | undefined>, allowedPorts: ReadonlySet<number>): void {
  for (const url of urls) {
    const message = imageCallbackPortError(url, allowedPorts);
    if (message) throw new DomainError('ValidationFailed', message);
  }
}

/** Callback URLs inside operation steps (`slice`, `grid` options). */
export function stepCallbackUrls(steps: Array<{ option?: unknown }>): Array<string | undefined> {
  return steps.map((s) => (s.option as { callbackUrl?: string } | undefined)?.callbackUrl);
}
