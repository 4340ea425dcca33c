import { baseConfigSchema } from './config.schema';
import { loadConfig } from './load-config';

describe('TRUSTED_PROXIES', () => {
  it('trusts no proxy by default', () => {
    expect(loadConfig(baseConfigSchema, {}).TRUSTED_PROXIES).toEqual([]);
  });

  it('reads a comma-separated list of addresses and CIDR ranges', () => {
    const config = loadConfig(baseConfigSchema, { TRUSTED_PROXIES: ' 10.0.0.0/8,127.0.0.1 , fd00::/8,::1' });
    expect(config.TRUSTED_PROXIES).toEqual(['10.0.0.0/8', '127.0.0.1', 'fd00::/8', '::1']);
  });

  it.each(['10.0.0.0/33', 'proxy.internal', '1.2.3/8', '10.0.0.1/8/1', '*'])('refuses %s', (entry) => {
    expect(() => loadConfig(baseConfigSchema, { TRUSTED_PROXIES: `127.0.0.1,${entry}` })).toThrow(/TRUSTED_PROXIES/);
  });
});
