import { IpAddress, IpRange, range, rangeContains } from './ip-address';

/** Why an address may not be called; `public` is the only category outbound requests may reach unasked. */
export type AddressCategory =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'multicast'
  | 'broadcast'
  | 'metadata'
  | 'documentation'
  | 'reserved';

/** Cloud instance-metadata endpoints, named as such even where a wider range would also catch them. */
const METADATA: IpRange[] = [
  range('169.254.169.254'), // AWS, GCP, Azure, OpenStack, DigitalOcean
  range('169.254.170.2'), // AWS ECS task metadata
  range('169.254.169.253'), // AWS DNS
  range('100.100.100.200'), // Alibaba Cloud
  range('192.0.0.192'), // Oracle Cloud
  range('fd00:ec2::254'), // AWS IMDS over IPv6
];

const IPV4: [IpRange, AddressCategory][] = [
  [range('0.0.0.0/8'), 'unspecified'],
  [range('10.0.0.0/8'), 'private'],
  [range('100.64.0.0/10'), 'cgnat'],
  [range('127.0.0.0/8'), 'loopback'],
  [range('169.254.0.0/16'), 'link-local'],
  [range('172.16.0.0/12'), 'private'],
  [range('192.0.0.0/24'), 'reserved'],
  [range('192.0.2.0/24'), 'documentation'],
  [range('192.88.99.0/24'), 'reserved'],
  [range('192.168.0.0/16'), 'private'],
  [range('198.18.0.0/15'), 'reserved'],
  [range('198.51.100.0/24'), 'documentation'],
  [range('203.0.113.0/24'), 'documentation'],
  [range('224.0.0.0/4'), 'multicast'],
  [range('255.255.255.255/32'), 'broadcast'],
  [range('240.0.0.0/4'), 'reserved'],
];

/** IPv6 prefixes that carry an IPv4 address in their last 32 bits (mapped, translated, NAT64, compatible). */
const EMBEDS_IPV4_AT_12: IpRange[] = [
  range('::ffff:0:0/96'),
  range('::ffff:0:0:0/96'),
  range('64:ff9b::/96'),
  range('::/96'),
];
const SIX_TO_FOUR = range('2002::/16');

const IPV6: [IpRange, AddressCategory][] = [
  [range('::/128'), 'unspecified'],
  [range('::1/128'), 'loopback'],
  [range('64:ff9b:1::/48'), 'reserved'],
  [range('100::/64'), 'reserved'],
  [range('2001::/32'), 'reserved'], // Teredo: the IPv4 it reaches is obfuscated, refuse outright
  [range('2001:2::/48'), 'reserved'],
  [range('2001:10::/28'), 'reserved'],
  [range('2001:20::/28'), 'reserved'],
  [range('2001:db8::/32'), 'documentation'],
  [range('3fff::/20'), 'documentation'],
  [range('fc00::/7'), 'private'],
  [range('fe80::/10'), 'link-local'],
  [range('fec0::/10'), 'private'],
  [range('ff00::/8'), 'multicast'],
];
/** Only global unicast space is public; anything else in IPv6 is unassigned or special. */
const IPV6_GLOBAL_UNICAST = range('2000::/3');

/** The category of an address; IPv6 forms that embed an IPv4 address are judged by the IPv4 address. */
export function classifyAddress(address: IpAddress): AddressCategory {
  if (METADATA.some((r) => rangeContains(r, address))) return 'metadata';
  if (address.family === 4) return IPV4.find(([r]) => rangeContains(r, address))?.[1] ?? 'public';
  for (const [r, category] of IPV6.slice(0, 2)) if (rangeContains(r, address)) return category;
  if (EMBEDS_IPV4_AT_12.some((r) => rangeContains(r, address)))
    return classifyAddress({ family: 4, bytes: address.bytes.slice(12, 16) });
  if (rangeContains(SIX_TO_FOUR, address)) return classifyAddress({ family: 4, bytes: address.bytes.slice(2, 6) });
  const special = IPV6.find(([r]) => rangeContains(r, address))?.[1];
  if (special) return special;
  return rangeContains(IPV6_GLOBAL_UNICAST, address) ? 'public' : 'reserved';
}
