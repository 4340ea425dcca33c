import { Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import {
  CallbackDelivery,
  CallbackDeliveryDetail,
  CallbackDeliveryPage,
  CallbackSecret,
  ListCallbackDeliveriesQuery,
  listCallbackDeliveriesQuerySchema,
} from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { Dialect } from '../dialects/dialect.decorator';
import { ADMIN_DIALECT } from './admin.dialect';
import { ZodPipe } from '../http/zod-validation.pipe';
import { AdminIds, AdminIdsParam } from './admin-ids.param';

/** A team's outbound callbacks: the delivery log, manual redelivery and the signing secret (served by the notifier). */
@Controller('admin/v1/teams/:teamId')
@Dialect(ADMIN_DIALECT)
export class AdminCallbacksController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('callbacks')
  listDeliveries(
    @AdminIdsParam() ids: AdminIds,
    @Query(new ZodPipe(listCallbackDeliveriesQuerySchema)) query: ListCallbackDeliveriesQuery,
  ): Promise<CallbackDeliveryPage> {
    return this.rpc.request('notifier.delivery.list', { ...query, ...ids });
  }

  @Get('callbacks/:deliveryId')
  getDelivery(@AdminIdsParam() ids: AdminIds<'delivery_id'>): Promise<CallbackDeliveryDetail> {
    return this.rpc.request('notifier.delivery.get', ids);
  }

  @Post('callbacks/:deliveryId/redeliver')
  @HttpCode(202)
  redeliver(@AdminIdsParam() ids: AdminIds<'delivery_id'>): Promise<CallbackDelivery> {
    return this.rpc.request('notifier.delivery.redeliver', ids);
  }

  /** The secret itself only on its first read (afterwards a hint); rotate to get a new one. */
  @Get('callback-secret')
  @Header('Cache-Control', 'no-store')
  getSecret(@AdminIdsParam() ids: AdminIds): Promise<CallbackSecret> {
    return this.rpc.request('notifier.secret.get', ids);
  }

  @Post('callback-secret')
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  rotateSecret(@AdminIdsParam() ids: AdminIds): Promise<CallbackSecret> {
    return this.rpc.request('notifier.secret.rotate', ids);
  }
}
