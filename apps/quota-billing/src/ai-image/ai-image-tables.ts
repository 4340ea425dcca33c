import { DataSource } from 'typeorm';
import { ApiKeyEntity } from '../api-keys/api-key.entity';

export type AiImageTable =
  'api_keys' | 'ai_image_profiles' | 'ai_image_reservations' | 'ai_image_request_logs' | 'ai_image_gallery';

/** Qualified names of the AI Image tables, in the schema quota-billing's entities live in. */
export function aiImageTables(dataSource: DataSource): (name: AiImageTable) => string {
  const schema = `"${dataSource.getMetadata(ApiKeyEntity).schema ?? 'public'}"`;
  return (name) => `${schema}."${name}"`;
}

/** TypeORM answers a Postgres UPDATE/DELETE … RETURNING with `[rows, rowCount]`, an INSERT … RETURNING with the rows. */
export function returnedRows<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}
