import { Injectable } from '@nestjs/common';
import { DomainError, IMAGE_RESULT, ImageOperation, RpcParsedRequest, RpcResponse } from '@mp/contracts';
import { RpcHandler } from '@mp/platform';
import { formatImageDate } from '../image-dates';
import { ImageScope } from '../tree/image-scope';
import { DerivedFileCleaner } from './derived-file.cleaner';
import { templateOperations, toJobTemplate } from './job-templates';
import { OperationRepository, OperationRow } from './operation.repository';

/** Image operations: create/update, list (own or the built-in templates), get, delete. */
@Injectable()
export class OperationService {
  constructor(
    private readonly operations: OperationRepository,
    private readonly derived: DerivedFileCleaner,
  ) {}

  @RpcHandler('images.operation.put')
  async put(req: RpcParsedRequest<'images.operation.put'>): Promise<RpcResponse<'images.operation.put'>> {
    if (req.deleteThumbnail) await this.derived.deleteByOperation(req, req.operationId);
    const row = await this.operations.upsert(req, {
      operation_id: req.operationId,
      description: req.description,
      realtime_service: req.realtimeService,
      steps: req.data,
    });
    return { operation: toOperationDto(req, row) };
  }

  @RpcHandler('images.operation.get')
  async get(req: RpcParsedRequest<'images.operation.get'>): Promise<RpcResponse<'images.operation.get'>> {
    return { operation: toOperationDto(req, await this.require(req, req.operationId)) };
  }

  @RpcHandler('images.operation.list')
  async list(req: RpcParsedRequest<'images.operation.list'>): Promise<RpcResponse<'images.operation.list'>> {
    const offset = (req.page - 1) * req.rows;
    if (req.template) {
      const all = templateOperations(req.app_key).filter((t) => !req.name || t.operationId.startsWith(req.name));
      return {
        paging: { page: req.page, rows: req.rows, totalCount: all.length },
        operations: all.slice(offset, offset + req.rows),
      };
    }
    const { rows, total } = await this.operations.list(req, {
      prefix: req.name,
      sort: req.sort,
      offset,
      limit: req.rows,
    });
    return {
      paging: { page: req.page, rows: req.rows, totalCount: total },
      operations: rows.map((row) => toOperationDto(req, row)),
    };
  }

  @RpcHandler('images.operation.delete')
  async delete(req: RpcParsedRequest<'images.operation.delete'>): Promise<RpcResponse<'images.operation.delete'>> {
    await this.require(req, req.operationId);
    if (req.deleteThumbnail) await this.derived.deleteByOperation(req, req.operationId);
    await this.operations.delete(req, req.operationId);
    return {};
  }

  async require(scope: ImageScope, operationId: string): Promise<OperationRow> {
    const row = await this.operations.find(scope, operationId);
    if (!row)
      throw new DomainError('NotFound', `No operation ${operationId}`, {
        resultCode: IMAGE_RESULT.operationNotFound.code,
        operationId,
      });
    return row;
  }
}

export function toOperationDto(scope: ImageScope, row: OperationRow): ImageOperation {
  return {
    appKey: scope.app_key,
    operationId: row.operation_id,
    description: row.description,
    realtimeService: row.realtime_service,
    updatedAt: formatImageDate(row.updated_at),
    jobTemplate: row.steps.map(toJobTemplate),
  };
}
