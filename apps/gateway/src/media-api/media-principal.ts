import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AccountStatus } from '@mp/contracts';

/** A seed 003 caller: the token's user with its live account state. */
export type MediaPrincipal = AccountStatus;

export interface MediaAuthenticatedRequest {
  mediaPrincipal?: MediaPrincipal;
}

/** The caller BearerTokenGuard attached to the request of `ctx`. */
export function mediaPrincipalOf(ctx: ExecutionContext): MediaPrincipal {
  const principal = ctx.switchToHttp().getRequest<MediaAuthenticatedRequest>().mediaPrincipal;
  if (!principal) throw new Error('A media caller was asked for on a route without BearerTokenGuard');
  return principal;
}

export const CurrentMediaUser = createParamDecorator((_data: unknown, ctx: ExecutionContext) => mediaPrincipalOf(ctx));
