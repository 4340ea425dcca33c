import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { z } from 'zod';
import { MediaAuthenticatedRequest, MediaPrincipal } from './media-principal';
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
  const request = ctx.switchToHttp().getRequest<MediaAuthenticatedRequest & { params?: Record<string, string> }>();
  const caller = request.mediaPrincipal;
  if (!caller) throw new Error('ExportOwner used on a route without BearerTokenGuard');
  const [ownerId] = Object.values(request.params ?? {});
  return ownerId === undefined ? { caller } : { caller, ownerId: uuidPath.transform(ownerId) };
});
