import type { StorageObjectEvent } from '@mp/contracts';
/** The object events the platform consumes, named as AWS names them (without MinIO's `s3:` prefix). */
export type S3EventName = `ObjectCreated:${string}` | `ObjectRemoved:${string}`;

/**
 * One record of an S3 event notification, as AWS, MinIO and the embedded server send it, with
 * the object key URL-decoded.
 */
export interface S3EventRecord {
  eventName: S3EventName;
  /** ISO 8601. */
  eventTime: string;
  s3: {
    bucket: { name: string };
    object: {
      key: string;
      /** Absent on removals. */
      size?: number;
      /** Without quotes; absent on removals. */
      eTag?: string;
      /** Hex; orders events on one key (compare after left-padding to equal length). */
      sequencer?: string;
    };
  };
}

/**
 * The object-created/removed records of a notification body (`{ Records: [...] }`, as an object
 * or as JSON text). Keys arrive URL-encoded (`+` for space) and are decoded; event names lose
 * MinIO's `s3:` prefix. Malformed records and other event kinds are dropped; junk yields [].
 */
export function parseS3Notification(body: unknown): S3EventRecord[] {
  const records = asObject(parseJsonText(body))?.Records;
  if (!Array.isArray(records)) return [];
  return records.map(parseRecord).filter((record): record is S3EventRecord => record !== null);
}

function parseRecord(value: unknown): S3EventRecord | null {
  const record = asObject(value);
  const s3 = asObject(record?.s3);
  const bucket = asObject(s3?.bucket)?.name;
  const object = asObject(s3?.object);
  const eventName = typeof record?.eventName === 'string' ? record.eventName.replace(/^s3:/, '') : undefined;
  if (!object || typeof bucket !== 'string' || !bucket || !isObjectEventName(eventName)) return null;
  const key = decodeKey(object.key);
  const eventTime = record?.eventTime;
  if (key === null || typeof eventTime !== 'string' || Number.isNaN(Date.parse(eventTime))) return null;
  const { size, eTag, sequencer } = object;
  return {
    eventName,
    eventTime,
    s3: {
      bucket: { name: bucket },
      object: {
        key,
        ...(Number.isSafeInteger(size) && (size as number) >= 0 ? { size: size as number } : {}),
        ...(typeof eTag === 'string' && eTag ? { eTag: eTag.replace(/"/g, '') } : {}),
        ...(typeof sequencer === 'string' && sequencer ? { sequencer } : {}),
      },
    },
  };
}

function isObjectEventName(name: string | undefined): name is S3EventName {
  return name !== undefined && /^Object(Created|Removed):\w+/.test(name);
}

/** Notification keys are form-URL-encoded: `a%2Fb+c.png` is `a/b c.png`. */
function decodeKey(raw: unknown): string | null {
  if (typeof raw !== 'string' || !raw) return null;
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

function parseJsonText(body: unknown): unknown {
  if (typeof body !== 'string' && !(body instanceof Uint8Array)) return body;
  try {
    return JSON.parse(Buffer.from(body).toString('utf8'));
  } catch {
    return null;
  }
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The fields of a record that the platform's storage-object events carry. */
export function storageObjectFields(record: S3EventRecord): StorageObjectEvent {
  return {
    event_name: record.eventName,
    bucket: record.s3.bucket.name,
    key: record.s3.object.key,
    size: record.s3.object.size ?? null,
    etag: record.s3.object.eTag ?? null,
    event_time: record.eventTime,
  };
}
