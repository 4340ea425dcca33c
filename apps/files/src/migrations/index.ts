import { Init1763856000000 } from './1763856000000-init';
import { Files1763856000001 } from './1763856000001-files';

export const migrations = [Init1763856000000, Files1763856000001];
