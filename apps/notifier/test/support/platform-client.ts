import { CallbackDeliveryRequestedEvent, DomainError, RpcRequest, RpcResponse, RpcSubject } from '@mp/contracts';
import { buildEnvelope, decodeJson, encodeJson, wireNames } from '@mp/platform';
import { createHmac, randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { NatsConnection } from 'nats';

/** Talks to the platform over NATS the way other services do: typed RPC and JetStream events. */
export class PlatformClient {
  private readonly names;

  constructor(
    private readonly nc: NatsConnection,
    namespace: string,
  ) {
    this.names = wireNames(namespace);
  }

  async rpc<S extends RpcSubject>(subject: S, payload: RpcRequest<S>): Promise<RpcResponse<S>> {
    const msg = await this.nc.request(this.names.rpc(subject), encodeJson(payload), { timeout: 10_000 });
    const reply = decodeJson(msg.data) as { ok: true; data: RpcResponse<S> } | { ok: false; error: unknown };
    if (!reply.ok) throw DomainError.fromJSON(reply.error);
    return reply.data;
  }

  /** Publishes `callbacks.delivery.requested` as a producer's outbox relay would. */
  async requestCallback(
    request: Omit<CallbackDeliveryRequestedEvent, 'delivery_id' | 'event_type'> &
      Partial<CallbackDeliveryRequestedEvent>,
  ): Promise<string> {
    const data: CallbackDeliveryRequestedEvent = {
      delivery_id: randomUUID(),
      event_type: 'test.callback.requested',
      source: 'test',
      ...request,
    };
    const envelope = buildEnvelope('callbacks.delivery.requested', data);
    await this.nc
      .jetstream()
      .publish(this.names.event('callbacks.delivery.requested'), encodeJson(envelope), { msgID: envelope.id });
    return data.delivery_id;
  }

  async createTeam(name: string): Promise<string> {
    return (await this.rpc('billing.team.create', { name })).id;
  }
}

/** Verifies a Standard Webhooks signature from first principles (not with the notifier's code). */
export function verifySignature(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key)
    .update(`${String(headers['webhook-id'])}.${String(headers['webhook-timestamp'])}.${body}`)
    .digest('base64');
  return String(headers['webhook-signature'] ?? '')
    .split(' ')
    .some((s) => s === `v1,${expected}`);
}
