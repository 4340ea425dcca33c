import { Inject, Injectable } from '@nestjs/common';
import { Principal, S3ClientCredentials } from '@mp/contracts';
import { APP_CONFIG, RpcClient } from '@mp/platform';
import type { FastifyRequest } from 'fastify';
import { GatewayConfig } from '../app.config';
import { publicBaseUrl } from '../media-api/public-base-url';
import { S3_API_PREFIX } from './s3-api.config';
import { bucketOf } from './s3-bucket-name';

/** `GET /s3/credentials`: what seed 002's AWS CLI, boto3 and aws-sdk examples need, `endpoint` usable as is. */
@Injectable()
export class S3ClientCredentialsService {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async get(principal: Principal, request: FastifyRequest): Promise<S3ClientCredentials> {
    const pair = await this.rpc.request('billing.s3-credentials.get', {
      team_id: principal.team_id,
      key_id: principal.key_id,
    });
    return {
      endpoint: `${publicBaseUrl(this.config, request)}${S3_API_PREFIX}`,
      region: this.config.S3_API_REGION,
      bucket: bucketOf(principal),
      access_key_id: pair.access_key_id,
      secret_access_key: pair.secret_access_key,
    };
  }
}
