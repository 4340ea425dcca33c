import { Inject, Injectable } from '@nestjs/common';
import { DomainError, Principal } from '@mp/contracts';
import { LOGGER, RpcClient } from '@mp/platform';
import type { Logger } from 'pino';

/**
 * The key's image quota around one generation: `hold` before the broker is called (a 403 when the
 * key is exhausted, suspended or expired), `settle` to the delivered count after it (0 refunds).
 */
@Injectable()
export class ImageQuotaClient {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async hold(principal: Principal, requestId: string, images: number): Promise<void> {
    await this.rpc.request('billing.images.reserve', {
      team_id: principal.team_id,
      key_id: principal.key_id,
      request_id: requestId,
      images,
    });
  }

  /**
   * Never fails the request: settling is idempotent, so a timed-out or unanswered attempt is tried
   * again; when quota-billing stays unreachable the reservation lapses on its own
   * (AI_IMAGE_RESERVATION_TTL_SECONDS) and gives its images back, so the client is never overcharged.
   */
  async settle(principal: Principal, requestId: string, delivered: number): Promise<void> {
    const payload = { team_id: principal.team_id, key_id: principal.key_id, request_id: requestId, delivered };
    for (let attempt = 1; ; attempt++) {
      try {
        await this.rpc.request('billing.images.settle', payload);
        return;
      } catch (err) {
        const transient = err instanceof DomainError && TRANSIENT.has(err.code);
        if (transient && attempt < SETTLE_ATTEMPTS) {
          await new Promise((resolve) => setTimeout(resolve, SETTLE_RETRY_MS * attempt));
          continue;
        }
        this.logger.warn(
          { err, key_id: principal.key_id, request_id: requestId, delivered, attempts: attempt },
          'Could not settle an image reservation; it will lapse',
        );
        return;
      }
    }
  }
}

const SETTLE_ATTEMPTS = 3;
const SETTLE_RETRY_MS = 250;
const TRANSIENT = new Set(['DependencyUnavailable', 'Timeout']);
