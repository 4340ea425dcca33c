import { ConfigError, loadConfig } from '@mp/platform';
import { inspect } from 'node:util';
import { generationBrokerConfigSchema } from '../src/app.config';
import { createProviderRegistry } from '../src/providers/provider-registry';

const noDns = () => Promise.reject(new Error('no DNS in this test'));

function configError(env: Record<string, string>): string {
  try {
    loadConfig(generationBrokerConfigSchema, env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('the config was accepted');
}

describe('generation-broker provider config', () => {
  it('serves every model with the local provider when nothing is configured', () => {
    const config = loadConfig(generationBrokerConfigSchema, {});
    expect(config.ARK_TIMEOUT_MS).toBe(120_000);
    const registry = createProviderRegistry(config, noDns);
    expect(registry.providerFor('seedream-4.5')?.kind).toBe('local');
    expect(registry.providerFor('kling-1.6-pro')?.kind).toBe('local');
    expect(registry.configuredModels()).toEqual([]);
  });

  it('routes models to Ark as configured and leaves unlisted models without a provider', () => {
    const config = loadConfig(generationBrokerConfigSchema, {
      GENERATION_PROVIDERS: 'seedream-4.5=ark,seedream-4.0=local',
      ARK_BASE_URL: 'https://ark.example.com',
      ARK_API_KEY: 'ark-secret-value',
      ARK_TIMEOUT_MS: '30000',
    });
    const registry = createProviderRegistry(config, noDns);
    expect(registry.providerFor('seedream-4.5')?.kind).toBe('ark');
    expect(registry.providerFor('seedream-4.0')?.kind).toBe('local');
    expect(registry.providerFor('kling-1.6-pro')).toBeUndefined();
    expect(registry.configuredModels()).toEqual(['seedream-4.5', 'seedream-4.0']);
  });

  it('never prints the Ark key', () => {
    const config = loadConfig(generationBrokerConfigSchema, {
      GENERATION_PROVIDERS: '*=ark',
      ARK_BASE_URL: 'https://ark.example.com',
      ARK_API_KEY: 'ark-secret-value',
    });
    const registry = createProviderRegistry(config, noDns);
    for (const printed of [JSON.stringify(config), inspect(config, { depth: 5 }), inspect(registry, { depth: 8 })])
      expect(printed).not.toContain('ark-secret-value');
    expect(config.ARK_API_KEY?.reveal()).toBe('ark-secret-value');
  });

  it('requires the Ark URL and key when a model uses Ark', () => {
    const message = configError({ GENERATION_PROVIDERS: 'seedream-4.5=ark' });
    expect(message).toContain('ARK_BASE_URL: is required when GENERATION_PROVIDERS names ark');
    expect(message).toContain('ARK_API_KEY: is required when GENERATION_PROVIDERS names ark');
  });

  it('names a bad provider route and a bad URL', () => {
    expect(configError({ GENERATION_PROVIDERS: 'seedream-4.5=dalle' })).toContain('GENERATION_PROVIDERS');
    expect(configError({ ARK_BASE_URL: 'ftp://ark.example.com' })).toContain('ARK_BASE_URL');
  });
});
