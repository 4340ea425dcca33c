import { Init1763856000000 } from './1763856000000-init';
import { ImageTree1763856000001 } from './1763856000001-image-tree';
import { DeletesRealtime1763856000002 } from './1763856000002-deletes-realtime';
import { FilesObjectKey1764500000000 } from './1764500000000-files-object-key';

export const migrations = [
  Init1763856000000,
  ImageTree1763856000001,
  DeletesRealtime1763856000002,
  FilesObjectKey1764500000000,
];
