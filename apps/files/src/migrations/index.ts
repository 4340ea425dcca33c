import { Init1763856000000 } from './1763856000000-init';
import { Files1763856000001 } from './1763856000001-files';
import { FileExpiryIndex1763856000002 } from './1763856000002-file-expiry-index';
import { FileStagingKey1764460800000 } from './1764460800000-file-staging-key';
import { MediaResources1763942400100 } from './1763942400100-media-resources';
import { ExportConfigurations1763942400200 } from './1763942400200-export-configurations';

export const migrations = [
  Init1763856000000,
  Files1763856000001,
  FileExpiryIndex1763856000002,
  MediaResources1763942400100,
  ExportConfigurations1763942400200,
  FileStagingKey1764460800000,
];
