import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { DomainError } from '@mp/contracts';
import type { FastifyRequest } from 'fastify';
import { KeyAuthenticator } from '../auth/key-authenticator.service';
import { AuthenticatedRequest } from '../auth/principal.decorator';

export interface ImageAppRequest extends AuthenticatedRequest {
  imageAppKey?: string;
}

/** Image API (seed 001): the app key in the path, its secret key in `Authorization`; both must match. */
@Injectable()
export class ImageKeyGuard implements CanActivate {
  constructor(private readonly keys: KeyAuthenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & ImageAppRequest>();
    const appKey = (request.params as Record<string, string | undefined>).appKey;
    if (!appKey || appKey.length > 100)
      throw new DomainError('ValidationFailed', 'The app key in the path is missing or too long');
    const header = request.headers.authorization;
    request.principal = await this.keys.authenticate({
      secret: Array.isArray(header) ? header[0] : header,
      appKey,
      kinds: ['image'],
      missingMessage: 'Missing secret key: send it in the Authorization header',
    });
    request.imageAppKey = appKey;
    return true;
  }
}
