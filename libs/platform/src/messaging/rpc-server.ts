import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DomainError, RPC_SCHEMAS, RpcSubject } from '@mp/contracts';
import { Msg, NatsConnection, Subscription } from 'nats';
import type { Logger } from 'pino';
import { assertUnique } from '../discovery/discover-handlers';
import { HandlerDiscovery } from '../discovery/handler-discovery';
import { MetricsService } from '../metrics';
import { APP_NAME, LOGGER, NATS_CONNECTION, WIRE_NAMES } from '../tokens';
import { boundedError } from './bounded-error';
import { decodeJson, encodeJson } from './json-codec';
import { RpcReply } from './rpc-envelope';
import { RPC_HANDLER } from './rpc-handler.decorator';
import { WireNames } from './subjects';
import { validationError } from './validation-error';

/** NATS's default `max_payload`, used while the server's own value is unknown. */
const DEFAULT_MAX_PAYLOAD = 1024 * 1024;

const TOO_LARGE_REPLY: RpcReply<never> = {
  ok: false,
  error: { code: 'PayloadTooLarge', message: 'The answer is too large to send; narrow the request', details: {} },
};

/** Serves every @RpcHandler of the app on a queue group, so instances share the load. */
@Injectable()
export class RpcServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly subscriptions: Subscription[] = [];

  constructor(
    private readonly discovery: HandlerDiscovery,
    private readonly metrics: MetricsService,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(WIRE_NAMES) private readonly names: WireNames,
    @Inject(APP_NAME) private readonly app: string,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const handlers = this.discovery.methods<RpcSubject>(RPC_HANDLER);
    assertUnique(handlers, (s) => s, 'RPC');
    for (const handler of handlers) {
      const subject = handler.meta;
      const sub = this.nc.subscribe(this.names.rpc(subject), {
        queue: this.names.queueGroup(this.app),
        callback: (err, msg) => {
          if (err) {
            this.logger.error({ err, subject }, 'RPC subscription error');
            return;
          }
          void this.serve(subject, msg, handler.call);
        },
      });
      this.subscriptions.push(sub);
    }
  }

  private async serve(subject: RpcSubject, msg: Msg, call: (req: unknown) => Promise<unknown>): Promise<void> {
    const end = this.metrics.rpcDuration.startTimer({ subject });
    let reply: RpcReply<unknown>;
    try {
      const parsed = RPC_SCHEMAS[subject].request.safeParse(decodeJson(msg.data));
      if (!parsed.success) throw validationError(parsed.error);
      reply = { ok: true, data: await call(parsed.data) };
    } catch (err) {
      reply = { ok: false, error: boundedError(this.toSerializable(subject, err)) };
    }
    end({ outcome: reply.ok ? 'ok' : reply.error.code });
    if (msg.reply) this.respond(subject, msg, reply);
  }

  /** A reply that cannot be sent (too large, connection closing) is logged and counted, never thrown. */
  private respond(subject: RpcSubject, msg: Msg, reply: RpcReply<unknown>): void {
    try {
      const encoded = encodeJson(reply);
      if (encoded.byteLength > (this.nc.info?.max_payload ?? DEFAULT_MAX_PAYLOAD)) {
        this.metrics.rpcReplyFailures.inc({ subject, reason: 'too_large' });
        this.logger.error({ subject, bytes: encoded.byteLength }, 'RPC reply exceeds the NATS payload limit');
        msg.respond(encodeJson(TOO_LARGE_REPLY));
        return;
      }
      msg.respond(encoded);
    } catch (err) {
      this.metrics.rpcReplyFailures.inc({ subject, reason: 'send_failed' });
      this.logger.error({ err, subject }, 'RPC reply could not be sent');
    }
  }

  private toSerializable(subject: string, err: unknown) {
    if (err instanceof DomainError) return err.toJSON();
    this.logger.error({ err, subject }, 'RPC handler failed');
    return new DomainError('Internal', 'Internal error').toJSON();
  }

  /** Stops taking requests but lets the ones already received finish. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.subscriptions.map((s) => s.drain()));
  }
}
