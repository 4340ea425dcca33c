import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { DomainError } from '@mp/contracts';
import { APP_CONFIG } from '@mp/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GatewayConfig } from '../app.config';
import { KeyAuthenticator } from '../auth/key-authenticator.service';
import { Dialect } from '../dialects/dialect.decorator';
import { publicBaseUrl } from '../media-api/public-base-url';
import { BUCKET_DIALECT } from './bucket.dialect';
import { swiftInfo } from './swift-info';

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim();

/**
 * Swift's v1 authentication and capabilities, so that `swift -A …/auth/v1.0 -U {account}:{name}
 * -K {bucket token}` logs in and clients learn what the cluster serves. The token is the bucket
 * token itself: no session is minted.
 */
@Controller()
@Dialect(BUCKET_DIALECT, { authenticate: false })
export class SwiftAuthController {
  constructor(
    private readonly keys: KeyAuthenticator,
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get('auth/v1.0')
  async auth(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const key = header(request.headers['x-auth-key']) ?? header(request.headers['x-storage-pass']);
    const user = header(request.headers['x-auth-user']) ?? header(request.headers['x-storage-user']) ?? '';
    const principal = await this.keys.authenticate({
      secret: key,
      kinds: ['bucket'],
      missingMessage: 'Send X-Auth-User: {account}:{name} and X-Auth-Key: {bucket token}',
    });
    const account = user.includes(':') ? user.slice(0, user.indexOf(':')) : '';
    if (account !== '' && account.toLowerCase() !== principal.team_id) {
      throw new DomainError('InvalidApiKey', 'The token does not belong to that account', {});
    }
    const storageUrl = `${publicBaseUrl(this.config, request)}/v1/${principal.team_id}`;
    await reply
      .status(200)
      .headers({
        'x-auth-token': key!,
        'x-storage-token': key!,
        'x-storage-url': storageUrl,
        'x-auth-token-expires': '86400',
      })
      .type('application/json; charset=utf-8')
      .send({ storage: { default: 'local', local: storageUrl } });
  }

  @Get('info')
  info() {
    return swiftInfo(this.config);
  }
}
