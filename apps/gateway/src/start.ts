import { runService, ServiceRunOptions } from '@mp/platform';
import { GatewayConfig } from './app.config';
import { registerBucketHttp } from './bucket-api/register-bucket-http';
import { swiftCopyAsPut } from './bucket-api/swift-copy.rewrite';
import { GatewayAppModule } from './app.module';
import { GATEWAY_FASTIFY_OPTIONS, rememberRequestLines } from './errors/framework-error-handlers';
import { GENERATION_BODY_LIMITS } from './generation-api/generation-api.config';
import { registerMultipart } from './http/register-multipart';
import { applyRouteBodyLimits } from './http/route-body-limits';
import { registerPortal } from './portal/register-portal';

/**
 * Unknown routes and body-parsing failures reach the global DialectExceptionFilter through
 * Nest's own not-found and error handlers; what Fastify and Node's parser refuse before routing
 * goes through GATEWAY_FASTIFY_OPTIONS: every error is answered in the caller's dialect.
 */
export function startGateway(config: GatewayConfig, options: ServiceRunOptions = {}) {
  return runService(GatewayAppModule.register(config), config, config.PORT, options, {
    configure: async (app) => {
      rememberRequestLines(app.getHttpServer());
      applyRouteBodyLimits(app, GENERATION_BODY_LIMITS);
      await registerMultipart(app);
      await registerPortal(app, config);
      registerBucketHttp(app);
    },
    fastify: { ...GATEWAY_FASTIFY_OPTIONS, rewriteUrl: swiftCopyAsPut },
  });
}
