import { PipeTransform } from '@nestjs/common';
import { DomainError } from '@mp/contracts';
import { z } from 'zod';

export type RequestPart = 'body' | 'query' | 'path';

/** One FastAPI `ValidationError` entry, before rendering: where, what, which pydantic-style type. */
export interface MediaIssue {
  field: string;
  message: string;
  type: string;
  location: RequestPart;
}

/** Validates a request part; failures carry one issue per field so they render as FastAPI's 422 list. */
export class MediaValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    private readonly schema: S,
    private readonly location: RequestPart = 'body',
  ) {}

  transform(value: unknown): z.output<S> {
    const parsed = this.schema.safeParse(value ?? (this.location === 'body' ? undefined : {}));
    if (parsed.success) return parsed.data;
    const issues: MediaIssue[] = parsed.error.issues.map((i) => ({
      field: i.path.join('.'),
      message: i.message,
      type: issueType(i),
      location: this.location,
    }));
    throw new DomainError(
      'ValidationFailed',
      issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; '),
      { issues },
    );
  }
}

function issueType(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return issue.input === undefined ? 'missing' : `${issue.expected}_type`;
  if (issue.code === 'invalid_value') return 'enum';
  if (issue.code === 'too_big') return issue.origin === 'string' ? 'string_too_long' : 'less_than_equal';
  if (issue.code === 'too_small') return issue.origin === 'string' ? 'string_too_short' : 'greater_than_equal';
  if (issue.code === 'invalid_format') return issue.format === 'uuid' ? 'uuid_parsing' : 'value_error';
  return 'value_error';
}
