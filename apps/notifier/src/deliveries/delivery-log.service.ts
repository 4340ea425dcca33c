import { Injectable } from '@nestjs/common';
import {
  CallbackDelivery,
  CallbackDeliveryDetail,
  CallbackDeliveryPage,
  DomainError,
  RpcParsedRequest,
} from '@mp/contracts';
import { RpcHandler } from '@mp/platform';
import { toAttemptDto, toDeliveryDto, storedBody } from './delivery.mapper';
import { DeliveryRepository } from './delivery.repository';
import { DeliveryScheduler } from './delivery-scheduler';

/** The per-team delivery log and manual redelivery, served to the gateway's admin API. */
@Injectable()
export class DeliveryLogService {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly scheduler: DeliveryScheduler,
  ) {}

  @RpcHandler('notifier.delivery.list')
  async list(request: RpcParsedRequest<'notifier.delivery.list'>): Promise<CallbackDeliveryPage> {
    const [rows, total] = await this.deliveries.page(request.team_id, request.status, request.page, request.per_page);
    return { deliveries: rows.map(toDeliveryDto), paging: { page: request.page, per_page: request.per_page, total } };
  }

  @RpcHandler('notifier.delivery.get')
  async get(request: RpcParsedRequest<'notifier.delivery.get'>): Promise<CallbackDeliveryDetail> {
    const delivery = await this.deliveries.findForTeam(request.delivery_id, request.team_id);
    if (!delivery) throw notFound(request.delivery_id);
    const attempts = await this.deliveries.attemptsOf(delivery.id);
    return { ...toDeliveryDto(delivery), body: storedBody(delivery.payload), attempts: attempts.map(toAttemptDto) };
  }

  /** Starts a new round of attempts (same webhook-id, same body) on a delivered or failed delivery. */
  @RpcHandler('notifier.delivery.redeliver')
  async redeliver(request: RpcParsedRequest<'notifier.delivery.redeliver'>): Promise<CallbackDelivery> {
    const started = await this.deliveries.startRound(request.delivery_id, request.team_id);
    if (started === 'not-found') throw notFound(request.delivery_id);
    if (started === 'in-progress') {
      throw new DomainError(
        'Conflict',
        'The delivery is still in progress; it can be redelivered once delivered or failed',
        { delivery_id: request.delivery_id },
      );
    }
    if (started === 'no-body')
      throw new DomainError('Conflict', 'The delivery body was refused for its size and cannot be redelivered', {
        delivery_id: request.delivery_id,
      });
    await this.scheduler.schedule(started, 1);
    return toDeliveryDto(started);
  }
}

function notFound(deliveryId: string): DomainError {
  return new DomainError('NotFound', `No callback delivery ${deliveryId} for this team`, { delivery_id: deliveryId });
}
