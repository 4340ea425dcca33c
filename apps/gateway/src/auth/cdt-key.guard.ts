import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { KeyAuthenticator } from './key-authenticator.service';
import { AuthenticatedRequest } from './principal.decorator';

/** Storage API (seed 000): `X-API-Key: cdt_…`. */
@Injectable()
export class CdtKeyGuard implements CanActivate {
  constructor(private readonly keys: KeyAuthenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const header = request.headers['x-api-key'];
    request.principal = await this.keys.authenticate({
      secret: Array.isArray(header) ? header[0] : header,
      kinds: ['cdt'],
      missingMessage: 'Missing API key: send it in the X-API-Key header',
    });
    return true;
  }
}
