import type { SerializedDomainError } from '@mp/contracts';

export type RpcReply<T> = { ok: true; data: T } | { ok: false; error: SerializedDomainError };
