import { parseIp } from './ip-address';
import { isAllowlistedAddress, parseAllowlist } from './outbound-policy';

describe('outbound policy parsing', () => {
  it('splits the allowlist into host names and ranges', () => {
    const parsed = parseAllowlist(' 127.0.0.1, localhost ,10.0.0.0/8,::1, Hooks.Internal. ,');
    expect([...parsed.allowedHosts].sort()).toEqual(['hooks.internal', 'localhost']);
    expect(parsed.allowedRanges.map((r) => r.prefix)).toEqual([32, 8, 128]);
  });

  it('refuses allowlist entries that are neither host, address nor range', () => {
    expect(() => parseAllowlist('10.0.0.0/33')).toThrow('"10.0.0.0/33"');
    expect(() => parseAllowlist('http://x')).toThrow('"http://x"');
    expect(() => parseAllowlist('bad_host!')).toThrow('"bad_host!"');
  });

  it('matches IPv4-mapped addresses against IPv4 allowlist ranges', () => {
    const policy = { allowedPorts: new Set([80]), ...parseAllowlist('127.0.0.1') };
    expect(isAllowlistedAddress(policy, parseIp('127.0.0.1')!)).toBe(true);
    expect(isAllowlistedAddress(policy, parseIp('::ffff:127.0.0.1')!)).toBe(true);
    expect(isAllowlistedAddress(policy, parseIp('127.0.0.2')!)).toBe(false);
    expect(isAllowlistedAddress(policy, parseIp('::1')!)).toBe(false);
  });
});
