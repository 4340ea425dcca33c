import { EventEnvelope, StorageObjectEvent } from '@mp/contracts';
import { buildEnvelope, encodeJson, wireNames } from '@mp/platform';
import { S3EventRecord, storageObjectFields } from '@mp/storage';
import { NatsConnection } from 'nats';

/**
 * Publishes embedded-S3 notifications to JetStream exactly as a MinIO NATS target would feed
 * the files service: one `storage.object.*` event per record, deduplicated by bucket/key/sequencer.
 */
export function storageEventForwarder(
  nc: NatsConnection,
  namespace: string,
  onError: (err: unknown, record: S3EventRecord) => void = () => undefined,
) {
  const js = nc.jetstream();
  const names = wireNames(namespace);
  return async (record: S3EventRecord): Promise<void> => {
    // A lost event is recovered by the files service's reconciliation sweep; never crash the store.
    try {
      await forward(record);
    } catch (err) {
      onError(err, record);
    }
  };

  async function forward(record: S3EventRecord): Promise<void> {
    const removed = record.eventName.startsWith('ObjectRemoved');
    const subject = removed ? 'storage.object.removed' : 'storage.object.created';
    const data: StorageObjectEvent = storageObjectFields(record);
    const id = `${data.bucket}/${data.key}/${record.s3.object.sequencer ?? data.event_time}/${data.event_name}`;
    const envelope: EventEnvelope = buildEnvelope(subject, data, id);
    await js.publish(names.event(subject), encodeJson(envelope), { msgID: id, timeout: 5000 });
  }
}
