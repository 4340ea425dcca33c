import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Route path → largest body it accepts, for the few routes whose JSON outgrows the 1 MB default. */
export type RouteBodyLimits = Readonly<Record<string, number>>;

/** Sets the body limit of the listed routes as they are registered (call before routes are). */
export function applyRouteBodyLimits(app: NestFastifyApplication, limits: RouteBodyLimits): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      const limit = limits[route.url];
      if (limit !== undefined) route.bodyLimit = limit;
    });
}
