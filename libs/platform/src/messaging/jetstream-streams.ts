import { NatsConnection, nanos, RetentionPolicy, StorageType } from 'nats';
import { WireNames } from './subjects';

const DUPLICATE_WINDOW_MS = 10 * 60_000;
const MAX_AGE_MS = 7 * 24 * 3600_000;

/** Creates (or updates) the namespace's event stream. Idempotent; every app calls it at boot. */
export async function ensureEventStream(nc: NatsConnection, names: WireNames): Promise<void> {
  const jsm = await nc.jetstreamManager();
  const config = {
    name: names.eventStream,
    subjects: [names.eventWildcard],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    max_age: nanos(MAX_AGE_MS),
  };
  try {
    await jsm.streams.info(names.eventStream);
    await jsm.streams.update(names.eventStream, config);
  } catch (err) {
    if (!isNotFound(err)) throw err;
    try {
      await jsm.streams.add(config);
    } catch (addErr) {
      if (!/already in use|already exists/i.test(String((addErr as Error).message))) throw addErr;
    }
  }
}

export function isNotFound(err: unknown): boolean {
  return /not found/i.test(String((err as Error)?.message ?? err));
}
