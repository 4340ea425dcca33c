import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { z } from 'zod';
import { mediaPrincipalOf, MediaPrincipal } from './media-principal';
import { MediaValidationPipe } from './media-validation.pipe';

const uuidPath = new MediaValidationPipe(z.uuid({ error: 'Input should be a valid UUID' }), 'path');

/** Who asks for whose export configuration, before access is checked. */
export interface ExportOwnerClaim {
  caller: MediaPrincipal;
  /** The route's one path parameter (`org_id`, `user_id`), a UUID; none on the caller's own routes. */
  ownerId?: string;
}

/** The caller and the owner id of an export-configuration route (422 when the id is not a UUID). */
export const ExportOwner = createParamDecorator((_data: unknown, ctx: ExecutionContext): ExportOwnerClaim => {
  const caller = mediaPrincipalOf(ctx);
  const [ownerId] = Object.values(ctx.switchToHttp().getRequest<{ params?: Record<string, string> }>().params ?? {});
  return ownerId === undefined ? { caller } : { caller, ownerId: uuidPath.transform(ownerId) };
});
