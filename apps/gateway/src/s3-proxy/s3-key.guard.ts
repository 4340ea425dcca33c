import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { DomainError } from '@mp/contracts';
import type { FastifyRequest } from 'fastify';
import { KeyAuthenticator } from '../auth/key-authenticator.service';
import { AuthenticatedRequest } from '../auth/principal.decorator';

/** The seed's refusal of an AI Image key on an S3 Storage page, verbatim. */
export const AI_IMAGE_KEY_REFUSAL =
  'You are logged in with an AI Image key. Please login with an S3 Storage API key (kikaku_s3_xxx) to access this feature.';
const OTHER_KEY_REFUSAL = 'Please login with an S3 Storage API key (kikaku_s3_xxx) to access this feature.';

/** S3 storage proxy (seed 002): `Authorization: Bearer kikaku_s3_…`. */
@Injectable()
export class S3KeyGuard implements CanActivate {
  constructor(private readonly keys: KeyAuthenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    try {
      request.principal = await this.keys.authenticate({
        secret: bearer?.[1],
        kinds: ['kikaku_s3'],
        missingMessage: 'Missing API key: send Authorization: Bearer kikaku_s3_…',
      });
    } catch (err) {
      if (err instanceof DomainError && err.code === 'WrongKeyKind') {
        throw new DomainError(
          'WrongKeyKind',
          err.details.key_kind === 'kikaku' ? AI_IMAGE_KEY_REFUSAL : OTHER_KEY_REFUSAL,
          err.details,
        );
      }
      throw err;
    }
    return true;
  }
}
