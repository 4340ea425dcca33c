import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/** Inserts one entity row and returns it as stored, with the defaults the database filled in. */
export async function insertReturning<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  values: QueryDeepPartialEntity<E>,
): Promise<E> {
  const result = await manager.createQueryBuilder().insert().into(entity).values(values).returning('*').execute();
  return (result.raw as E[])[0];
}
