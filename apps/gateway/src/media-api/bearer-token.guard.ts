import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { DomainError } from '@mp/contracts';
import type { FastifyRequest } from 'fastify';
import { AccessTokenService, INVALID_CREDENTIALS } from './access-token.service';
import { AccountStatusCache } from './account-status.cache';
import { MediaAuthenticatedRequest } from './media-principal';

/**
 * Seed 003 `OAuth2PasswordBearer`: the token is verified locally (signature, audience, expiry), then
 * the account's live state (briefly cached) must be active and still in the token's team.
 */
@Injectable()
export class BearerTokenGuard implements CanActivate {
  constructor(
    private readonly tokens: AccessTokenService,
    private readonly accounts: AccountStatusCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & MediaAuthenticatedRequest>();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    if (!match) throw new DomainError('Unauthenticated', 'Not authenticated');
    const claims = await this.tokens.verify(match[1]);
    const status = await this.accounts.get(claims.sub);
    if (!status || status.team_id !== claims.team)
      throw new DomainError('Unauthenticated', INVALID_CREDENTIALS, { reason: 'unknown-account' });
    if (!status.is_active) throw new DomainError('ValidationFailed', 'Inactive user', { reason: 'inactive' });
    request.mediaPrincipal = status;
    return true;
  }
}
