/** The broker's validated config, injectable where a part needs a setting. */
export const GENERATION_CONFIG = Symbol('GENERATION_CONFIG');

/** The `ProviderRegistry` built from `GENERATION_PROVIDERS`. */
export const PROVIDER_REGISTRY = Symbol('PROVIDER_REGISTRY');
