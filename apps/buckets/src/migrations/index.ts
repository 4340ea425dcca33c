import { Init1763856000000 } from './1763856000000-init';
import { Buckets1764900000000 } from './1764900000000-buckets';
import { ObjectExpiryIndex1764900000001 } from './1764900000001-object-expiry-index';
import { ObjectManifest1764900000002 } from './1764900000002-object-manifest';
import { ObjectEncryption1764900000003 } from './1764900000003-object-encryption';
import { ObjectSlo1764900000004 } from './1764900000004-object-slo';
import { BucketTotals1764900000005 } from './1764900000005-bucket-totals';

export const migrations = [
  Init1763856000000,
  Buckets1764900000000,
  ObjectExpiryIndex1764900000001,
  ObjectManifest1764900000002,
  ObjectEncryption1764900000003,
  ObjectSlo1764900000004,
  BucketTotals1764900000005,
];
