import { Inject, Injectable } from '@nestjs/common';
import { DomainError, RpcRequest, RpcResponse, RpcSubject } from '@mp/contracts';
import { ErrorCode as NatsErrorCode, NatsConnection, NatsError } from 'nats';
import { BaseConfig } from '../config';
import { APP_CONFIG, NATS_CONNECTION } from '../tokens';
import { decodeJson, encodeJson } from './json-codec';
import { RpcReply } from './rpc-envelope';
import { wireNames } from './subjects';

/** Typed request/reply over NATS: the subject decides both payload and result types. */
@Injectable()
export class RpcClient {
  private readonly names;
  private readonly timeoutMs: number;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(APP_CONFIG) config: BaseConfig,
  ) {
    this.names = wireNames(config.NAMESPACE);
    this.timeoutMs = config.RPC_TIMEOUT_MS;
  }

  async request<S extends RpcSubject>(
    subject: S,
    payload: RpcRequest<S>,
    options: { timeoutMs?: number } = {},
  ): Promise<RpcResponse<S>> {
    let raw;
    try {
      raw = await this.nc.request(this.names.rpc(subject), encodeJson(payload), {
        timeout: options.timeoutMs ?? this.timeoutMs,
      });
    } catch (err) {
      throw toDependencyError(subject, err);
    }
    const reply = decodeJson(raw.data) as RpcReply<RpcResponse<S>>;
    if (reply.ok) return reply.data;
    throw DomainError.fromJSON(reply.error);
  }
}

/** True when a request failed because no instance was listening: nobody received it, so nothing it asked for happened. */
export function rpcNotReceived(err: unknown): boolean {
  return (
    err instanceof DomainError &&
    err.code === 'DependencyUnavailable' &&
    err.details.cause === NatsErrorCode.NoResponders
  );
}

function toDependencyError(subject: string, err: unknown): DomainError {
  const code = err instanceof NatsError ? err.code : undefined;
  if (code === NatsErrorCode.MaxPayloadExceeded) {
    return new DomainError('PayloadTooLarge', 'The request is too large to forward; send less data', { subject });
  }
  if (code === NatsErrorCode.Timeout) {
    return new DomainError('Timeout', `The service behind ${subject} did not answer in time`, { subject });
  }
  return new DomainError('DependencyUnavailable', `The service behind ${subject} is unavailable`, {
    subject,
    cause: code ?? String(err),
  });
}
