import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ImageAppRequest } from './image-key.guard';

/** Team and app key of the authenticated image app, as every images.* RPC takes them. */
export const ImageApp = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): { team_id: string; app_key: string } => {
    const request = ctx.switchToHttp().getRequest<ImageAppRequest>();
    if (!request.principal || !request.imageAppKey) throw new Error('ImageApp used on a route without ImageKeyGuard');
    return { team_id: request.principal.team_id, app_key: request.imageAppKey };
  },
);
