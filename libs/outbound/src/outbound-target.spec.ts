import { HostResolver, ResolvedAddress } from './host-resolver';
import { OutboundPolicy, parseAllowlist } from './outbound-policy';
import { OutboundRefusedError } from './outbound-refused.error';
import { resolveOutboundTarget } from './outbound-target';

const policy = (allowlist = '', ports = [80, 443]): OutboundPolicy => ({
  allowedPorts: new Set(ports),
  ...parseAllowlist(allowlist),
});

/** A DNS stand-in with fixed answers per host; a host it does not know fails the test. */
function fakeDns(answers: Record<string, ResolvedAddress[][]>): HostResolver & { calls: string[] } {
  const calls: string[] = [];
  const resolver = async (hostname: string) => {
    calls.push(hostname);
    const queue = answers[hostname];
    if (!queue?.length) throw new Error(`unexpected DNS query for ${hostname}`);
    return queue.length > 1 ? queue.shift()! : queue[0];
  };
  return Object.assign(resolver, { calls });
}

const v4 = (address: string): ResolvedAddress => ({ address, family: 4 });
const v6 = (address: string): ResolvedAddress => ({ address, family: 6 });
const refused = (promise: Promise<unknown>) => expect(promise).rejects.toBeInstanceOf(OutboundRefusedError);

describe('resolveOutboundTarget (SSRF guard)', () => {
  const noDns = fakeDns({});

  it('accepts a host with public addresses and pins the first one', async () => {
    const dns = fakeDns({ 'hooks.example.com': [[v4('93.184.216.34'), v6('2606:2800:220:1::1')]] });
    const target = await resolveOutboundTarget('https://hooks.example.com/cb?id=100', policy(), dns);
    expect(target).toMatchObject({ hostname: 'hooks.example.com', port: 443, address: '93.184.216.34', family: 4 });
    expect(target.url.search).toBe('?id=100');
    expect(dns.calls).toEqual(['hooks.example.com']);
  });

  it('refuses a host when any of its addresses is not public', async () => {
    const dns = fakeDns({ 'mixed.example.com': [[v4('93.184.216.34'), v4('10.0.0.5')]] });
    await expect(resolveOutboundTarget('http://mixed.example.com/', policy(), dns)).rejects.toThrow(
      /10\.0\.0\.5 \(private\)/,
    );
  });

  it.each([
    ['http://127.0.0.1/', 'loopback'],
    ['http://localhost.example/', 'loopback'],
    ['http://[::1]/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://169.254.169.254/latest/meta-data/', 'metadata'],
    ['http://[fd00:ec2::254]/', 'metadata'],
    ['http://10.1.2.3/', 'private'],
    ['http://192.168.0.10/', 'private'],
    ['http://100.64.0.1/', 'cgnat'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://224.0.0.1/', 'multicast'],
    ['http://2130706433/', 'loopback'], // decimal form of 127.0.0.1, normalised by the URL parser
    ['http://0x7f.1/', 'loopback'],
  ])('refuses %s (%s)', async (url, category) => {
    const dns = fakeDns({ 'localhost.example': [[v4('127.0.0.1')]] });
    await expect(resolveOutboundTarget(url, policy(), dns)).rejects.toThrow(new RegExp(`\\(${category}\\)`));
  });

  it('refuses ports other than the allowed ones before resolving', async () => {
    await expect(resolveOutboundTarget('http://hooks.example.com:8080/', policy(), noDns)).rejects.toThrow(
      'port 8080 is not allowed (allowed: 80, 443)',
    );
    await expect(resolveOutboundTarget('https://hooks.example.com:80/', policy('', [443]), noDns)).rejects.toThrow(
      'port 80 is not allowed (allowed: 443)',
    );
    await refused(resolveOutboundTarget('http://127.0.0.1:3000/', policy('127.0.0.1'), noDns));
    expect(noDns.calls).toEqual([]);
  });

  it('refuses other schemes, credentials and malformed URLs', async () => {
    await expect(resolveOutboundTarget('ftp://hooks.example.com/', policy(), noDns)).rejects.toThrow(
      'scheme ftp: is not allowed',
    );
    await expect(resolveOutboundTarget('file:///etc/passwd', policy(), noDns)).rejects.toThrow('scheme file:');
    await expect(resolveOutboundTarget('http://user:pw@hooks.example.com/', policy(), noDns)).rejects.toThrow(
      'credentials',
    );
    await refused(resolveOutboundTarget('not a url', policy(), noDns));
  });

  it('lets allowlisted ranges and host names through, and nothing else', async () => {
    const allowed = await resolveOutboundTarget('http://127.0.0.1:5000/hook', policy('127.0.0.1', [5000]), noDns);
    expect(allowed).toMatchObject({ address: '127.0.0.1', port: 5000 });
    await refused(resolveOutboundTarget('http://127.0.0.2:5000/hook', policy('127.0.0.1', [5000]), noDns));
    const dns = fakeDns({ 'receiver.internal': [[v4('10.9.8.7')]], 'other.internal': [[v4('10.9.8.7')]] });
    expect(await resolveOutboundTarget('http://receiver.internal/', policy('receiver.internal'), dns)).toMatchObject({
      address: '10.9.8.7',
    });
    await refused(resolveOutboundTarget('http://other.internal/', policy('receiver.internal'), dns));
  });

  it('resolves once: a rebinding answer on a later query is never used', async () => {
    const dns = fakeDns({ 'rebind.example.com': [[v4('93.184.216.34')], [v4('127.0.0.1')]] });
    const target = await resolveOutboundTarget('http://rebind.example.com/', policy(), dns);
    expect(target.address).toBe('93.184.216.34');
    expect(dns.calls).toEqual(['rebind.example.com']);
    // The next resolution (e.g. the next attempt) sees the rebinding and is refused.
    await expect(resolveOutboundTarget('http://rebind.example.com/', policy(), dns)).rejects.toThrow(
      /127\.0\.0\.1 \(loopback\)/,
    );
  });

  it('passes resolver failures through as ordinary (retryable) errors', async () => {
    const failing: HostResolver = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.example'), { code: 'ENOTFOUND' });
    };
    const error = await resolveOutboundTarget('http://nowhere.example/', policy(), failing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(OutboundRefusedError);
  });
});
