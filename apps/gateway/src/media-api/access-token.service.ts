import { Inject, Injectable } from '@nestjs/common';
import { AccessToken, DomainError } from '@mp/contracts';
import { APP_CONFIG, RpcClient } from '@mp/platform';
import { GatewayConfig } from '../app.config';
import { AccessTokenClaims, signAccessToken, verifyAccessToken } from './access-token';
import { MediaApiConfig } from './media-api.config';
import { accessTokenSecret } from './token-secret';

/** FastAPI's answer to a bad, expired or forged bearer token. */
export const INVALID_CREDENTIALS = 'Could not validate credentials';

/** OAuth2 password flow: quota-billing checks the password, the gateway signs a short-lived token. */
@Injectable()
export class AccessTokenService {
  private readonly secret: string;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(APP_CONFIG) private readonly config: GatewayConfig & MediaApiConfig,
  ) {
    this.secret = accessTokenSecret(config);
  }

  async login(username: string, password: string): Promise<AccessToken> {
    const account = await this.rpc.request('billing.account.login', { username, password });
    const token = await signAccessToken(
      { sub: account.user_id, team: account.team_id },
      this.secret,
      this.config.AUTH_ACCESS_TTL_SECONDS,
      Math.floor(Date.now() / 1000),
    );
    return { access_token: token, token_type: 'bearer' };
  }

  async verify(token: string): Promise<AccessTokenClaims> {
    const check = await verifyAccessToken(token, this.secret, Math.floor(Date.now() / 1000));
    if (!check.ok) throw new DomainError('Unauthenticated', INVALID_CREDENTIALS, { reason: check.reason });
    return check.claims;
  }
}
