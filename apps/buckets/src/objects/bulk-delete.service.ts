import { Injectable } from '@nestjs/common';
import { BulkDeleteResult, DomainError, RpcParsedRequest, RpcResponse } from '@mp/contracts';
import { RpcHandler } from '@mp/platform';
import { BucketService } from '../buckets/bucket.service';
import { ObjectService } from './object.service';

const STATUS_TEXT: Partial<Record<string, string>> = {
  BucketNotEmpty: '409 Conflict',
  ValidationFailed: '400 Bad Request',
};

/**
 * `buckets.bulk.delete`: one batch of Swift's bulk delete, in the order given (the gateway sends
 * objects before containers). A missing item counts as not found, a refused one as an error.
 */
@Injectable()
export class BulkDeleteService {
  constructor(
    private readonly objects: ObjectService,
    private readonly buckets: BucketService,
  ) {}

  @RpcHandler('buckets.bulk.delete')
  async delete(request: RpcParsedRequest<'buckets.bulk.delete'>): Promise<RpcResponse<'buckets.bulk.delete'>> {
    const result: BulkDeleteResult = { deleted: 0, not_found: 0, errors: [] };
    for (const item of request.items) {
      const path = item.object === undefined ? `/${item.container}` : `/${item.container}/${item.object}`;
      try {
        if (item.object === undefined) await this.buckets.deleteEmpty(request.team_id, item.container);
        else await this.objects.delete({ team_id: request.team_id, container: item.container, object: item.object });
        result.deleted++;
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        if (err.code === 'NotFound' || err.code === 'ObjectNotFound') result.not_found++;
        else result.errors.push([path, STATUS_TEXT[err.code] ?? '500 Internal Error']);
      }
    }
    return result;
  }
}
