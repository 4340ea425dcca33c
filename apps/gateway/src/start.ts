import { ServiceRunOptions, startService } from '@mp/platform';
import { GatewayConfig } from './app.config';
import { GatewayAppModule } from './app.module';
import { registerMultipart } from './http/register-multipart';

/**
 * Unknown routes and body-parsing failures reach the global DialectExceptionFilter through
 * Nest's own not-found and error handlers, so they are answered in the caller's dialect too.
 */
export function startGateway(config: GatewayConfig, options: ServiceRunOptions = {}) {
  return startService({
    module: GatewayAppModule.register(config),
    config,
    port: options.port ?? config.PORT,
    handleSignals: options.handleSignals,
    configure: registerMultipart,
  });
}
