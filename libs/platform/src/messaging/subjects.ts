import type { EventSubject, RpcSubject } from '@mp/contracts';

/**
 * Wire names. A namespace prefixes every subject, stream, consumer and queue key so that
 * environments (and test files) sharing one NATS/Redis never see each other's traffic.
 * RPC and event subjects live under different tokens so the event stream never captures requests.
 */
export const wireNames = (namespace: string) => ({
  rpc: (subject: RpcSubject) => `${namespace}.rpc.${subject}`,
  event: (subject: EventSubject) => `${namespace}.evt.${subject}`,
  eventWildcard: `${namespace}.evt.>`,
  eventStream: `${namespace.toUpperCase()}_EVENTS`,
  consumer: (app: string, subject: EventSubject) => `${app}__${subject.replace(/\./g, '_')}`,
  queueGroup: (app: string) => `${namespace}.${app}`,
  bullPrefix: `${namespace}:bull`,
});
export type WireNames = ReturnType<typeof wireNames>;
