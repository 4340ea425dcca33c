import { Init1763856000000 } from './1763856000000-init';
import { Callbacks1763856000001 } from './1763856000001-callbacks';

export const migrations = [Init1763856000000, Callbacks1763856000001];
