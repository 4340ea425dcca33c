import { z } from 'zod';

/** A UUID field of a request; the message names no field, since a validation error starts with the field's path. */
export const uuidField = z.uuid({ error: 'must be a UUID' });

/** The fields of a request about one team, and about one API key of a team. */
export const teamScoped = { team_id: uuidField };
export const keyScoped = { team_id: uuidField, key_id: uuidField };
