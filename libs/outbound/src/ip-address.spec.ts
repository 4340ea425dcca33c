import { formatIp, parseIp, parseRange, rangeContains, unmapIpv4 } from './ip-address';

describe('ip-address', () => {
  it('parses IPv4 and IPv6 forms to bytes', () => {
    expect(Array.from(parseIp('192.168.1.20')!.bytes)).toEqual([192, 168, 1, 20]);
    expect(formatIp(parseIp('::1')!)).toBe('0:0:0:0:0:0:0:1');
    expect(formatIp(parseIp('[2001:db8::ff00:42:8329]')!)).toBe('2001:db8:0:0:0:ff00:42:8329');
    expect(formatIp(parseIp('::ffff:192.0.2.128')!)).toBe('0:0:0:0:0:ffff:c000:280');
    expect(formatIp(parseIp('fe80::1%25eth0')!)).toBe('fe80:0:0:0:0:0:0:1');
  });

  it('rejects what is not an address', () => {
    for (const text of ['', 'localhost', '256.1.1.1', '1.2.3', '01.2.3.4', '::g', '1::2::3', '127.0.0.1/8'])
      expect(parseIp(text)).toBeUndefined();
  });

  it('parses ranges and bare addresses', () => {
    expect(parseRange('10.0.0.0/8')).toMatchObject({ family: 4, prefix: 8 });
    expect(parseRange('127.0.0.1')).toMatchObject({ family: 4, prefix: 32 });
    expect(parseRange('fc00::/7')).toMatchObject({ family: 6, prefix: 7 });
    expect(parseRange('::1')).toMatchObject({ family: 6, prefix: 128 });
    for (const text of ['10.0.0.0/33', '::/129', '10.0.0.0/', '10.0.0.0/8/9', 'host/8', '10.0.0.0/-1'])
      expect(parseRange(text)).toBeUndefined();
  });

  it('matches addresses against ranges bit by bit', () => {
    const r = parseRange('172.16.0.0/12')!;
    expect(rangeContains(r, parseIp('172.16.0.0')!)).toBe(true);
    expect(rangeContains(r, parseIp('172.31.255.255')!)).toBe(true);
    expect(rangeContains(r, parseIp('172.32.0.0')!)).toBe(false);
    expect(rangeContains(r, parseIp('172.15.255.255')!)).toBe(false);
    expect(rangeContains(parseRange('0.0.0.0/0')!, parseIp('8.8.8.8')!)).toBe(true);
    expect(rangeContains(parseRange('fe80::/10')!, parseIp('febf::1')!)).toBe(true);
    expect(rangeContains(parseRange('fe80::/10')!, parseIp('fec0::1')!)).toBe(false);
    expect(rangeContains(r, parseIp('::ffff:172.16.0.1')!)).toBe(false);
  });

  it('unmaps IPv4-mapped IPv6 addresses only', () => {
    expect(formatIp(unmapIpv4(parseIp('::ffff:127.0.0.1')!))).toBe('127.0.0.1');
    expect(formatIp(unmapIpv4(parseIp('::ffff:10.0.0.1')!))).toBe('10.0.0.1');
    expect(formatIp(unmapIpv4(parseIp('[::ffff:a00:1]')!))).toBe('10.0.0.1');
    expect(unmapIpv4(parseIp('::1')!).family).toBe(6);
    expect(unmapIpv4(parseIp('64:ff9b::7f00:1')!).family).toBe(6);
  });
});
