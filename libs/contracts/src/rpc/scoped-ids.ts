import { z } from 'zod';

/** An id in an RPC request: the gateway has already named the field in its own error, so the message does not. */
export const rpcId = z.uuid({ error: 'must be a UUID' });

/** The fields of a request about one team, and about one API key of a team. */
export const teamScoped = { team_id: rpcId };
export const keyScoped = { team_id: rpcId, key_id: rpcId };
