import { Init1763856000000 } from './1763856000000-init';
import { Predictions1764600000000 } from './1764600000000-predictions';

export const migrations = [Init1763856000000, Predictions1764600000000];
