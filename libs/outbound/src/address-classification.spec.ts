import ipaddr from 'ipaddr.js';
import { AddressCategory, classifyAddress } from './address-classification';
import { parseIp } from './ip-address';

const classify = (text: string): AddressCategory => {
  const address = parseIp(text);
  if (!address) throw new Error(`test address ${text} does not parse`);
  return classifyAddress(address);
};

describe('classifyAddress', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['1.1.1.1', 'public'],
    ['93.184.216.34', 'public'],
    ['172.15.255.255', 'public'],
    ['172.32.0.0', 'public'],
    ['100.63.255.255', 'public'],
    ['100.128.0.0', 'public'],
    ['192.169.0.1', 'public'],
    ['223.255.255.255', 'public'],
  ])('IPv4 %s is %s', (address, category) => expect(classify(address)).toBe(category));

  it.each([
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.0.1', 'link-local'],
    ['169.254.255.255', 'link-local'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.255', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['192.0.0.8', 'reserved'],
    ['192.0.2.1', 'documentation'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['169.254.169.254', 'metadata'],
    ['169.254.170.2', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['192.0.0.192', 'metadata'],
  ])('IPv4 %s is refused as %s', (address, category) => expect(classify(address)).toBe(category));

  it.each([
    ['2606:4700:4700::1111', 'public'],
    ['2001:4860:4860::8888', 'public'],
    ['2a00:1450:4001:80b::200e', 'public'],
  ])('IPv6 %s is %s', (address, category) => expect(classify(address)).toBe(category));

  it.each([
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fc00::1', 'private'],
    ['fd12:3456:789a::1', 'private'],
    ['fec0::1', 'private'],
    ['ff02::1', 'multicast'],
    ['ff05::2', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'reserved'], // Teredo
    ['100::1', 'reserved'],
    ['64:ff9b:1::1', 'reserved'],
    ['4000::1', 'reserved'], // outside global unicast 2000::/3
    ['fd00:ec2::254', 'metadata'],
  ])('IPv6 %s is refused as %s', (address, category) => expect(classify(address)).toBe(category));

  it.each([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:a00:1', 'private'],
    ['::ffff:192.0.2.1', 'documentation'],
    ['::ffff:224.0.0.1', 'multicast'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::ffff:a9fe:a9fe', 'metadata'],
    ['::ffff:100.64.1.1', 'cgnat'],
    ['::ffff:0.0.0.0', 'unspecified'],
    ['::ffff:8.8.8.8', 'public'],
    ['::ffff:0:192.168.0.1', 'private'], // IPv4-translated
    ['::127.0.0.1', 'loopback'], // IPv4-compatible (deprecated)
    ['::10.0.0.1', 'private'],
    ['64:ff9b::127.0.0.1', 'loopback'], // NAT64
    ['64:ff9b::a9fe:a9fe', 'metadata'],
    ['64:ff9b::8.8.8.8', 'public'],
    ['2002:7f00:1::', 'loopback'], // 6to4 of 127.0.0.1
    ['2002:c0a8:101::1', 'private'], // 6to4 of 192.168.1.1
    ['2002:0808:0808::1', 'public'],
  ])('IPv6 %s embedding IPv4 is judged by the IPv4 address: %s', (address, category) =>
    expect(classify(address)).toBe(category),
  );

  it.each([
    ['192.88.99.1', 'reserved'], // ipaddr.js reserved: 6to4 relay anycast
    ['198.19.255.255', 'reserved'], // ipaddr.js reserved: benchmarking
    ['192.175.48.1', 'reserved'], // as112
    ['192.31.196.1', 'reserved'], // as112
    ['192.52.193.1', 'reserved'], // amt
    ['2001:1::1', 'reserved'], // ipaddr.js reserved: IETF protocol assignments 2001::/23
    ['2001:2::1', 'reserved'], // benchmarking
    ['2001:3::1', 'reserved'], // amt
    ['2001:4:112::1', 'reserved'], // as112v6
    ['2620:4f:8000::1', 'reserved'], // as112v6
    ['2001:10::1', 'reserved'], // deprecatedOrchid
    ['2001:20::1', 'reserved'], // orchid2
    ['2001:30::1', 'reserved'], // droneRemoteIdProtocolEntityTags
    ['5f00::1', 'reserved'], // segmentRouting
    ['100::ffff', 'reserved'], // discard
    ['3fff::1', 'documentation'],
    ['3fff:fff::1', 'documentation'],
    ['fec0::1', 'private'], // deprecatedSiteLocal
  ])('ipaddr.js range of %s is refused as %s', (address, category) => expect(classify(address)).toBe(category));

  it.each([
    ['::ffff:255.255.255.255', 'broadcast'],
    ['::ffff:192.52.193.1', 'reserved'],
    ['::ffff:0:169.254.169.254', 'metadata'], // IPv4-translated
    ['::ffff:0:8.8.8.8', 'public'],
    ['::169.254.169.254', 'metadata'], // IPv4-compatible
    ['::192.168.0.1', 'private'],
    ['64:ff9b::10.0.0.1', 'private'], // NAT64
    ['64:ff9b::192.0.2.1', 'documentation'],
    ['64:ff9b:1::a00:1', 'reserved'], // local-use NAT64: the IPv4 address may sit anywhere
    ['2002:a9fe:a9fe::', 'metadata'], // 6to4 of 169.254.169.254
    ['2002:6440:101::1', 'cgnat'], // 6to4 of 100.64.1.1
    ['2002:e000:1::', 'multicast'], // 6to4 of 224.0.0.1
  ])('IPv6 %s embedding IPv4 is judged by the IPv4 address: %s', (address, category) =>
    expect(classify(address)).toBe(category),
  );

  it('refuses the first and last address of every range ipaddr.js knows', () => {
    type Subnet = [ipaddr.IPv4 | ipaddr.IPv6, number];
    const rangesOf = (prototype: object) =>
      (prototype as { SpecialRanges: Record<string, Subnet | Subnet[]> }).SpecialRanges;
    const subnets = [ipaddr.IPv4.prototype, ipaddr.IPv6.prototype]
      .flatMap((prototype) => Object.entries(rangesOf(prototype)))
      .flatMap(([name, ranges]) =>
        (Array.isArray(ranges[0]) ? (ranges as Subnet[]) : [ranges as Subnet]).map((s) => ({ name, s })),
      );
    const verdicts = subnets.flatMap(({ name, s: [network, bits] }) => {
      const cidr = `${network.toString()}/${bits}`;
      const kind = network.kind() === 'ipv4' ? ipaddr.IPv4 : ipaddr.IPv6;
      return [kind.networkAddressFromCIDR(cidr), kind.broadcastAddressFromCIDR(cidr)].map(
        (edge) => `${name} ${edge.toString()} ${classify(edge.toString())}`,
      );
    });
    expect(subnets.length).toBeGreaterThan(30);
    expect(verdicts.filter((verdict) => verdict.endsWith(' public'))).toEqual([]);
  });
});
