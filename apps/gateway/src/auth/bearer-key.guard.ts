import { CanActivate, ExecutionContext } from '@nestjs/common';
import { ApiKeyKind, DomainError } from '@mp/contracts';
import type { FastifyRequest } from 'fastify';
import { KeyAuthenticator } from './key-authenticator.service';
import { AuthenticatedRequest } from './principal.decorator';

export interface BearerKeyRule {
  kind: ApiKeyKind;
  missingMessage: string;
  /** What a key of another kind is told (seed 002 has a sentence per kind). */
  wrongKindMessage: (kind: unknown) => string;
}

/** `Authorization: Bearer <key>` of one kind; each dialect's guard is this with its own sentences. */
export abstract class BearerKeyGuard implements CanActivate {
  protected constructor(
    private readonly keys: KeyAuthenticator,
    private readonly rule: BearerKeyRule,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    try {
      request.principal = await this.keys.authenticate({
        secret: bearer?.[1],
        kinds: [this.rule.kind],
        missingMessage: this.rule.missingMessage,
      });
    } catch (err) {
      if (err instanceof DomainError && err.code === 'WrongKeyKind') {
        throw new DomainError('WrongKeyKind', this.rule.wrongKindMessage(err.details.key_kind), err.details);
      }
      throw err;
    }
    return true;
  }
}
