import { PipeTransform } from '@nestjs/common';
import { validationError } from '@mp/platform';
import { z } from 'zod';

/** Validates and types a request part with its contract schema; failures become ValidationFailed. */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    const parsed = this.schema.safeParse(value ?? {});
    if (!parsed.success) throw validationError(parsed.error);
    return parsed.data;
  }
}

/** `@Body(ZodBody(schema))`: the JSON body, validated. */
export const ZodBody = <S extends z.ZodType>(schema: S): ZodPipe<S> => new ZodPipe(schema);

/** `@Query(ZodQuery(schema))`: the query string, validated. */
export const ZodQuery = <S extends z.ZodType>(schema: S): ZodPipe<S> => new ZodPipe(schema);
