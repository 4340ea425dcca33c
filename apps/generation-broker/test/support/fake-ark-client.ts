import { parseAllowlist, systemHostResolver } from '@mp/outbound';
import { ArkImageProvider, ArkProviderOptions } from '../../src/providers/ark/ark-image.provider';
import { Secret } from '../../src/providers/secret';
import { FakeArkServer } from './fake-ark-server';

/** The Ark adapter pointed at a test's fake server, with short timeouts and small caps. */
export function arkClientOf(server: FakeArkServer, overrides: Partial<ArkProviderOptions> = {}): ArkImageProvider {
  return new ArkImageProvider({
    baseUrl: server.baseUrl,
    apiKey: new Secret('ark-test-key'),
    timeoutMs: 5_000,
    maxAttempts: 3,
    backoffBaseMs: 50,
    retryAfterMaxMs: 3_000,
    maxResponseBytes: 1024 * 1024,
    maxImageBytes: 256 * 1024,
    policy: { allowedPorts: new Set([server.port]), ...parseAllowlist('127.0.0.1') },
    resolve: systemHostResolver,
    ...overrides,
  });
}
