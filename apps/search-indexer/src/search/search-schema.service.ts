import { Inject, Injectable } from '@nestjs/common';
import {
  DISTINCT_VALUES_MAX,
  DomainError,
  FileDistinctResult,
  RpcParsedRequest,
  SearchSchemaResult,
} from '@mp/contracts';
import { RpcHandler } from '@mp/platform';
import { DISTINCT_FIELDS, findSearchableField, SEARCHABLE_FIELDS } from './field-catalog';
import { SEARCH_BACKEND, SearchBackend } from './search-backend';

/** The storage API's discovery endpoints (seed 000): distinct values of a field, and the field schema. */
@Injectable()
export class SearchSchemaService {
  constructor(@Inject(SEARCH_BACKEND) private readonly backend: SearchBackend) {}

  /** `GET /v1/files/storage/distinct/{field}`: the team's values of a field, ascending, at most DISTINCT_VALUES_MAX. */
  @RpcHandler('search.files.distinct')
  async distinct(request: RpcParsedRequest<'search.files.distinct'>): Promise<FileDistinctResult> {
    const field = findSearchableField(request.field);
    if (!field?.distinct) {
      const why = field ? `"${request.field}" has no distinct values to list` : `unknown field "${request.field}"`;
      throw new DomainError('ValidationFailed', `field: ${why}; supported fields: ${DISTINCT_FIELDS.join(', ')}`, {
        field: request.field,
        supported_fields: [...DISTINCT_FIELDS],
      });
    }
    const values = await this.backend.distinct({
      team_id: request.team_id,
      field: field.name,
      now: new Date(),
      limit: DISTINCT_VALUES_MAX,
    });
    return { field: field.name, values, count: values.length };
  }

  /** `GET /v1/files/storage/schema/fields`: every searchable field, in the seed's order. */
  @RpcHandler('search.files.schema')
  schema(): SearchSchemaResult {
    return {
      fields: SEARCHABLE_FIELDS.map((f) => ({ name: f.name, type: f.type, searchable: true, array: f.array })),
      total_fields: SEARCHABLE_FIELDS.length,
    };
  }
}
