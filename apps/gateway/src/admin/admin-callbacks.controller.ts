import { Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  CallbackDelivery,
  CallbackDeliveryDetail,
  CallbackDeliveryPage,
  CallbackSecret,
  ListCallbackDeliveriesQuery,
  listCallbackDeliveriesQuerySchema,
} from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { z } from 'zod';
import { Dialect } from '../dialects/dialect.decorator';
import { ADMIN_DIALECT } from './admin.dialect';
import { ZodPipe } from '../http/zod-validation.pipe';

const uuidParam = (name: string) => new ZodPipe(z.uuid({ error: `${name} must be a UUID` }));

/** A team's outbound callbacks: the delivery log, manual redelivery and the signing secret (served by the notifier). */
@Controller('admin/v1/teams/:teamId')
@Dialect(ADMIN_DIALECT)
export class AdminCallbacksController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('callbacks')
  listDeliveries(
    @Param('teamId', uuidParam('teamId')) teamId: string,
    @Query(new ZodPipe(listCallbackDeliveriesQuerySchema)) query: ListCallbackDeliveriesQuery,
  ): Promise<CallbackDeliveryPage> {
    return this.rpc.request('notifier.delivery.list', { ...query, team_id: teamId });
  }

  @Get('callbacks/:deliveryId')
  getDelivery(
    @Param('teamId', uuidParam('teamId')) teamId: string,
    @Param('deliveryId', uuidParam('deliveryId')) deliveryId: string,
  ): Promise<CallbackDeliveryDetail> {
    return this.rpc.request('notifier.delivery.get', { team_id: teamId, delivery_id: deliveryId });
  }

  @Post('callbacks/:deliveryId/redeliver')
  @HttpCode(202)
  redeliver(
    @Param('teamId', uuidParam('teamId')) teamId: string,
    @Param('deliveryId', uuidParam('deliveryId')) deliveryId: string,
  ): Promise<CallbackDelivery> {
    return this.rpc.request('notifier.delivery.redeliver', { team_id: teamId, delivery_id: deliveryId });
  }

  /** The secret itself only on its first read (afterwards a hint); rotate to get a new one. */
  @Get('callback-secret')
  @Header('Cache-Control', 'no-store')
  getSecret(@Param('teamId', uuidParam('teamId')) teamId: string): Promise<CallbackSecret> {
    return this.rpc.request('notifier.secret.get', { team_id: teamId });
  }

  @Post('callback-secret')
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  rotateSecret(@Param('teamId', uuidParam('teamId')) teamId: string): Promise<CallbackSecret> {
    return this.rpc.request('notifier.secret.rotate', { team_id: teamId });
  }
}
