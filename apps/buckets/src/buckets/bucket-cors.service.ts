import { Injectable } from '@nestjs/common';
import { RpcParsedRequest, RpcResponse } from '@mp/contracts';
import { RpcHandler } from '@mp/platform';
import { Clock } from '../clock/clock';
import { noSuchBucket } from './bucket-errors';
import { BucketRepository } from './bucket.repository';

/** `buckets.cors.*`: a bucket's CORS rules, replaced as a whole list. */
@Injectable()
export class BucketCorsService {
  constructor(
    private readonly buckets: BucketRepository,
    private readonly clock: Clock,
  ) {}

  @RpcHandler('buckets.cors.get')
  async get(request: RpcParsedRequest<'buckets.cors.get'>): Promise<RpcResponse<'buckets.cors.get'>> {
    const row = await this.buckets.find(request.team_id, request.name, this.clock.now());
    if (!row) throw noSuchBucket(request.name);
    return { cors: row.cors };
  }

  @RpcHandler('buckets.cors.put')
  async put(request: RpcParsedRequest<'buckets.cors.put'>): Promise<RpcResponse<'buckets.cors.put'>> {
    if (!(await this.buckets.setCors(request.team_id, request.name, request.body.cors))) {
      throw noSuchBucket(request.name);
    }
    return { cors: request.body.cors };
  }
}
