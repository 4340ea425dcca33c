import { CanActivate, Inject, Injectable, ExecutionContext } from '@nestjs/common';
import { DomainError } from '@mp/contracts';
import { APP_CONFIG } from '@mp/platform';
import type { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { GatewayConfig } from '../app.config';

/** Admin API: `Authorization: Bearer <ADMIN_TOKEN>`. */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(@Inject(APP_CONFIG) config: GatewayConfig) {
    this.expected = digest(config.ADMIN_TOKEN);
  }

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers.authorization;
    const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
    if (!match)
      throw new DomainError('Unauthenticated', 'Missing admin token: send Authorization: Bearer <ADMIN_TOKEN>');
    if (!timingSafeEqual(digest(match[1].trim()), this.expected))
      throw new DomainError('InvalidApiKey', 'Invalid admin token');
    return true;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
