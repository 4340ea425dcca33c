import { Init1763856000000 } from './1763856000000-init';
import { FileDocuments1763856000001 } from './1763856000001-file-documents';
import { DistinctIndexes1763856000002 } from './1763856000002-distinct-indexes';
import { TeamTextIndexes1763856000003 } from './1763856000003-team-text-indexes';
import { MetadataTimestamptz1763856000004 } from './1763856000004-metadata-timestamptz';

export const migrations = [
  Init1763856000000,
  FileDocuments1763856000001,
  DistinctIndexes1763856000002,
  TeamTextIndexes1763856000003,
  MetadataTimestamptz1763856000004,
];
