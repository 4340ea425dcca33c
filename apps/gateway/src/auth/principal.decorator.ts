import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Principal } from '@mp/contracts';

export interface AuthenticatedRequest {
  principal?: Principal;
}

/** The principal a guard attached to the request. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without an authentication guard');
  return principal;
});
