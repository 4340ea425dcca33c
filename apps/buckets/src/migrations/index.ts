import { Init1763856000000 } from './1763856000000-init';

export const migrations = [Init1763856000000];
