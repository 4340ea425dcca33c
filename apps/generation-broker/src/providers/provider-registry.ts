import { HostResolver } from '@mp/outbound';
import { GenerationBrokerConfig } from '../app.config';
import { ArkImageProvider } from './ark/ark-image.provider';
import { LocalImageProvider } from './local/local-image.provider';
import { ImageProvider, ProviderKind } from './provider.types';
import { ProviderRoutes, providerKindFor } from './provider-routes';

/** The image provider of each model, as configured by `GENERATION_PROVIDERS`. */
export class ProviderRegistry {
  constructor(
    private readonly routes: ProviderRoutes,
    private readonly providers: Readonly<Partial<Record<ProviderKind, ImageProvider>>>,
  ) {}

  /** Undefined when the deployment serves the model with no provider. */
  providerFor(model: string): ImageProvider | undefined {
    const kind = providerKindFor(this.routes, model);
    return kind ? this.providers[kind] : undefined;
  }

  /** The models listed in the config (`*` included); empty when every model uses `local`. */
  configuredModels(): string[] {
    return Object.keys(this.routes);
  }
}

export function createProviderRegistry(config: GenerationBrokerConfig, resolve: HostResolver): ProviderRegistry {
  const providers: Partial<Record<ProviderKind, ImageProvider>> = { local: new LocalImageProvider() };
  if (config.ARK_BASE_URL && config.ARK_API_KEY) {
    providers.ark = new ArkImageProvider({
      baseUrl: config.ARK_BASE_URL,
      apiKey: config.ARK_API_KEY,
      timeoutMs: config.ARK_TIMEOUT_MS,
      maxAttempts: config.ARK_MAX_ATTEMPTS,
      backoffBaseMs: config.ARK_BACKOFF_BASE_MS,
      retryAfterMaxMs: config.ARK_RETRY_AFTER_MAX_MS,
      maxResponseBytes: config.ARK_MAX_RESPONSE_BYTES,
      maxImageBytes: config.ARK_MAX_IMAGE_BYTES,
      policy: { allowedPorts: config.OUTBOUND_ALLOWED_PORTS, ...config.OUTBOUND_ALLOWLIST },
      resolve,
    });
  }
  return new ProviderRegistry(config.GENERATION_PROVIDERS, providers);
}
