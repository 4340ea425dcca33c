import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { DomainError, findUnsafeText, UNSAFE_TEXT_MESSAGE } from '@mp/contracts';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';

const LOCATIONS = [
  ['path', (r: FastifyRequest) => r.params],
  ['query', (r: FastifyRequest) => r.query],
  ['body', (r: FastifyRequest) => r.body],
] as const;

/**
 * Refuses NUL and unpaired surrogates in every path parameter, query value and parsed body (JSON
 * and forms; keys too) before any controller runs, as a ValidationFailed naming the field, which
 * each dialect renders as its own 400 (422 for seed 003). Multipart text fields are checked as
 * they are read (`fieldText`).
 */
@Injectable()
export class UnsafeTextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    for (const [location, read] of LOCATIONS) {
      const found = findUnsafeText(read(request));
      if (found) throw unsafeTextError(location, found.join('.'));
    }
    return next.handle();
  }
}

export function unsafeTextError(location: string, field: string): DomainError {
  const name = field || `(${location})`;
  const message = `${name}: ${UNSAFE_TEXT_MESSAGE}`;
  return new DomainError('ValidationFailed', message, {
    issues: [{ field: field || '(body)', message: UNSAFE_TEXT_MESSAGE, type: 'value_error', location }],
  });
}
