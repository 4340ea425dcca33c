import { DomainError, Principal } from '@mp/contracts';
import type { RpcClient } from '@mp/platform';
import type { GatewayConfig } from '../app.config';
import { KeyAuthenticator } from './key-authenticator.service';

const principal: Principal = { team_id: 't', key_id: 'k', user_id: null, kind: 'cdt' } as Principal;

function authenticatorWith(request: jest.Mock, ttlMs = 3000): KeyAuthenticator {
  return new KeyAuthenticator({ request } as unknown as RpcClient, { KEY_CACHE_TTL_MS: ttlMs } as GatewayConfig);
}

const asCdt = (secret: string) => ({ secret, kinds: ['cdt' as const], missingMessage: 'missing' });

describe('KeyAuthenticator', () => {
  it('asks quota-billing once for concurrent lookups of one key, and reuses the answer', async () => {
    const request = jest.fn().mockResolvedValue(principal);
    const keys = authenticatorWith(request);
    await Promise.all([keys.authenticate(asCdt('cdt_a')), keys.authenticate(asCdt('cdt_a'))]);
    await keys.authenticate(asCdt('cdt_a'));
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('remembers an unknown key only briefly and refuses it as InvalidApiKey', async () => {
    const request = jest.fn().mockRejectedValue(new DomainError('InvalidApiKey', 'no'));
    const keys = authenticatorWith(request);
    await expect(keys.authenticate(asCdt('cdt_x'))).rejects.toMatchObject({ code: 'InvalidApiKey' });
    await expect(keys.authenticate(asCdt('cdt_x'))).rejects.toMatchObject({ code: 'InvalidApiKey' });
    expect(request).toHaveBeenCalledTimes(1);
    await new Promise((done) => setTimeout(done, 1100));
    await expect(keys.authenticate(asCdt('cdt_x'))).rejects.toMatchObject({ code: 'InvalidApiKey' });
    expect(request).toHaveBeenCalledTimes(2);
  });

  it('does not cache a failure of quota-billing, and asks every time when the TTL is 0', async () => {
    const failing = jest.fn().mockRejectedValueOnce(new DomainError('DependencyUnavailable', 'down'));
    failing.mockResolvedValue(principal);
    const keys = authenticatorWith(failing);
    await expect(keys.authenticate(asCdt('cdt_b'))).rejects.toMatchObject({ code: 'DependencyUnavailable' });
    await expect(keys.authenticate(asCdt('cdt_b'))).resolves.toEqual(principal);

    const uncached = jest.fn().mockResolvedValue(principal);
    const noCache = authenticatorWith(uncached, 0);
    await noCache.authenticate(asCdt('cdt_c'));
    await noCache.authenticate(asCdt('cdt_c'));
    expect(uncached).toHaveBeenCalledTimes(2);
  });

  it('refuses a key of another kind with WrongKeyKind', async () => {
    const keys = authenticatorWith(jest.fn().mockResolvedValue({ ...principal, kind: 'image' }));
    await expect(keys.authenticate(asCdt('cdt_d'))).rejects.toMatchObject({ code: 'WrongKeyKind' });
  });
});
