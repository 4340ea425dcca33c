import type { RpcSubject } from '@mp/contracts';
import { methodDecorator } from '../discovery/discover-handlers';

export const RPC_HANDLER = Symbol('RPC_HANDLER');

/**
 * Marks a provider method as the handler of an RPC subject. The request is validated against
 * the contract schema before the method runs; its return value is the reply.
 */
export const RpcHandler = (subject: RpcSubject) => methodDecorator(RPC_HANDLER, subject);
