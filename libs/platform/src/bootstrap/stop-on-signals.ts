import type { Logger } from 'pino';

/**
 * On the first SIGTERM or SIGINT: runs `shutdown`, then exits 0; exits 1 when it fails or takes
 * longer than `timeoutMs` (a hung shutdown must not keep a replaced pod alive).
 */
export function stopOnSignals(logger: Logger, timeoutMs: number, shutdown: () => Promise<unknown>): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Stopping');
    setTimeout(() => {
      logger.error({ timeoutMs }, 'Graceful shutdown timed out; exiting');
      process.exit(1);
    }, timeoutMs).unref();
    shutdown()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'Shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
