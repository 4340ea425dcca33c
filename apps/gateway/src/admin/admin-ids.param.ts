import { Param } from '@nestjs/common';
import { z } from 'zod';
import { ZodPipe } from '../http/zod-validation.pipe';

/** The RPC field each id of an admin path (`/admin/v1/teams/:teamId/...`) is sent as. */
const ID_FIELDS = {
  teamId: 'team_id',
  userId: 'user_id',
  orgId: 'organization_id',
  keyId: 'key_id',
  deliveryId: 'delivery_id',
} as const;

type IdField = (typeof ID_FIELDS)[keyof typeof ID_FIELDS];

/** The ids of an admin route as the RPC requests name them: always the team's, plus those named in `F`. */
export type AdminIds<F extends Exclude<IdField, 'team_id'> = never> = Record<'team_id' | F, string>;

const ID_PARAMS = new Map(
  Object.entries(ID_FIELDS).map(([param, field]) => [
    param,
    { field, pipe: new ZodPipe(z.uuid({ error: `${param} must be a UUID` })) },
  ]),
);

/**
 * `@AdminIdsParam() ids: AdminIds<'key_id'>`: every path parameter of the route, each a UUID (checked in
 * path order, so a bad one fails with ValidationFailed "keyId must be a UUID"), renamed to its RPC field.
 */
export const AdminIdsParam = (): ParameterDecorator =>
  Param({
    transform: (params: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(params).map(([param, value]) => {
          const id = ID_PARAMS.get(param);
          if (!id) throw new Error(`Admin route parameter ${param} has no RPC field`);
          return [id.field, id.pipe.transform(value)];
        }),
      ),
  });
