import { parseS3Notification } from './s3-event-record';

const minioRecord = (overrides: Record<string, unknown> = {}, object: Record<string, unknown> = {}) => ({
  eventVersion: '2.0',
  eventSource: 'minio:s3',
  eventTime: '2026-11-22T10:00:00.000Z',
  eventName: 's3:ObjectCreated:Put',
  s3: {
    bucket: { name: 'media' },
    object: { key: 'a%2Fb+c.png', size: 42, eTag: '"abc123"', sequencer: '17A0F0E0D0C0B0A0', ...object },
  },
  ...overrides,
});

/** An AWS record, which is also the shape the parser returns. */
const awsRecord = (eventName: string, eventTime: string, object: Record<string, unknown>) => ({
  eventName,
  eventTime,
  s3: { bucket: { name: 'media' }, object },
});

describe('parseS3Notification', () => {
  it('decodes MinIO keys, strips the s3: prefix and quotes', () => {
    expect(
      parseS3Notification({ EventName: 's3:ObjectCreated:Put', Key: 'media/a%2Fb+c.png', Records: [minioRecord()] }),
    ).toEqual([
      awsRecord('ObjectCreated:Put', '2026-11-22T10:00:00.000Z', {
        key: 'a/b c.png',
        size: 42,
        eTag: 'abc123',
        sequencer: '17A0F0E0D0C0B0A0',
      }),
    ]);
  });

  it('reads AWS records, removals without size or ETag, and JSON text or bytes', () => {
    const aws = {
      Records: [
        awsRecord('ObjectRemoved:Delete', '2026-11-22T10:00:01Z', { key: 'caf%C3%A9%2B1.png', sequencer: '0A' }),
        awsRecord('ObjectCreated:CompleteMultipartUpload', '2026-11-22T10:00:02Z', { key: 'big.bin', size: 12 }),
      ],
    };
    const expected = [
      awsRecord('ObjectRemoved:Delete', '2026-11-22T10:00:01Z', { key: 'café+1.png', sequencer: '0A' }),
      awsRecord('ObjectCreated:CompleteMultipartUpload', '2026-11-22T10:00:02Z', { key: 'big.bin', size: 12 }),
    ];
    expect(parseS3Notification(aws)).toEqual(expected);
    expect(parseS3Notification(JSON.stringify(aws))).toEqual(expected);
    expect(parseS3Notification(Buffer.from(JSON.stringify(aws)))).toEqual(expected);
  });

  it('returns [] for junk', () => {
    for (const junk of [
      undefined,
      null,
      0,
      true,
      '',
      '{not json',
      [],
      {},
      { Records: {} },
      { Records: 'x' },
      { Service: 'Amazon S3', Event: 's3:TestEvent' },
    ]) {
      expect(parseS3Notification(junk)).toEqual([]);
    }
  });

  it('drops malformed records and other event kinds, keeping the rest', () => {
    const records = [
      null,
      'record',
      minioRecord({ eventName: 's3:ObjectAccessed:Get' }),
      minioRecord({ eventName: 42 }),
      minioRecord({ eventTime: 'yesterday' }),
      minioRecord({ s3: { bucket: { name: '' }, object: { key: 'k' } } }),
      minioRecord({}, { key: '%E0%A4%A' }),
      minioRecord({}, { key: '' }),
      minioRecord({}, { key: 'kept', size: -1, eTag: 5, sequencer: '' }),
    ];
    expect(parseS3Notification({ Records: records })).toEqual([
      {
        eventName: 'ObjectCreated:Put',
        eventTime: '2026-11-22T10:00:00.000Z',
        s3: { bucket: { name: 'media' }, object: { key: 'kept' } },
      },
    ]);
  });
});
