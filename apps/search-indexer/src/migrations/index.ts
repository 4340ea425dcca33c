import { Init1763856000000 } from './1763856000000-init';
import { FileDocuments1763856000001 } from './1763856000001-file-documents';

export const migrations = [Init1763856000000, FileDocuments1763856000001];
