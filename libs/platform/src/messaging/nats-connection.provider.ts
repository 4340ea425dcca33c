import { connect, NatsConnection } from 'nats';

export async function connectNats(options: { url: string; name: string }): Promise<NatsConnection> {
  return connect({
    servers: options.url.split(','),
    name: options.name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    waitOnFirstConnect: true,
    pingInterval: 10_000,
  });
}

/** Readiness: the client is connected right now (not reconnecting or closed). */
export async function checkNats(nc: NatsConnection): Promise<void> {
  if (nc.isClosed()) throw new Error('NATS connection closed');
  await nc.flush();
}
