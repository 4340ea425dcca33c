import ipaddr from 'ipaddr.js';
import { IpAddress, toIpaddr } from './ip-address';

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

/** An ipaddr.js range is a category, or carries an IPv4 address that decides instead. */
type Verdict = AddressCategory | 'embeds IPv4';

/**
 * ipaddr.js's range names (`range()`), mapped onto ours: every name its typings list (the compiler checks), plus
 * those it returns without typing them. A name a later ipaddr.js adds falls to `reserved` until mapped here.
 */
const IPV4_RANGES = {
  unicast: 'public',
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'cgnat',
  private: 'private',
  reserved: 'reserved',
  benchmarking: 'reserved',
  as112: 'reserved',
  amt: 'reserved',
} satisfies Record<ReturnType<ipaddr.IPv4['range']>, AddressCategory>;

const IPV6_RANGES = {
  unicast: 'public', // still subject to IPV6_GLOBAL_UNICAST below
  unspecified: 'unspecified',
  linkLocal: 'link-local',
  multicast: 'multicast',
  loopback: 'loopback',
  uniqueLocal: 'private',
  deprecatedSiteLocal: 'private',
  ipv4Mapped: 'embeds IPv4',
  rfc6145: 'embeds IPv4',
  rfc6052: 'embeds IPv4', // only its 64:ff9b::/96 half, see NAT64_WELL_KNOWN
  '6to4': 'embeds IPv4',
  teredo: 'reserved', // the IPv4 address it reaches is obfuscated: refused outright
  discard: 'reserved',
  benchmarking: 'reserved',
  amt: 'reserved',
  as112v6: 'reserved',
  deprecatedOrchid: 'reserved',
  orchid2: 'reserved',
  droneRemoteIdProtocolEntityTags: 'reserved',
  segmentRouting: 'reserved',
  reserved: 'reserved',
} satisfies Record<ReturnType<ipaddr.IPv6['range']>, Verdict> & Record<string, Verdict>;

/** Ours: ipaddr.js does not know cloud metadata endpoints, and its wider ranges would hide why they are refused. */
const METADATA = [
  '169.254.169.254/32', // AWS, GCP, Azure, OpenStack, DigitalOcean
  '169.254.170.2/32', // AWS ECS task metadata
  '169.254.169.253/32', // AWS DNS
  '100.100.100.200/32', // Alibaba Cloud
  '192.0.0.192/32', // Oracle Cloud
  'fd00:ec2::254/128', // AWS IMDS over IPv6
].map((cidr) => ipaddr.parseCIDR(cidr));

/** Ours: ipaddr.js files documentation ranges under `reserved`; we keep the more telling name. */
const DOCUMENTATION = ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24', '2001:db8::/32', '3fff::/20'].map((cidr) =>
  ipaddr.parseCIDR(cidr),
);

/** Ours: ipaddr.js's `rfc6052` also covers local-use 64:ff9b:1::/48, where the IPv4 address may sit anywhere: reserved. */
const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR('64:ff9b::/96');
/** Ours: ipaddr.js does not know the deprecated IPv4-compatible form `::a.b.c.d`, which it calls unicast. */
const IPV4_COMPATIBLE = ipaddr.IPv6.parseCIDR('::/96');
/** Ours: ipaddr.js calls all unlisted IPv6 space unicast, but only global unicast is assigned for public use. */
const IPV6_GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR('2000::/3');

/** The category of an address; IPv6 forms that embed an IPv4 address are judged by the IPv4 address. */
export function classifyAddress(address: IpAddress): AddressCategory {
  return classify(toIpaddr(address));
}

function classify(address: ipaddr.IPv4 | ipaddr.IPv6): AddressCategory {
  if (inAny(METADATA, address)) return 'metadata';
  if (inAny(DOCUMENTATION, address)) return 'documentation';
  if (address instanceof ipaddr.IPv4) return lookup(IPV4_RANGES, address.range()) ?? 'reserved';
  const name = address.range();
  const verdict = lookup(IPV6_RANGES, name) ?? 'reserved';
  if (verdict === 'embeds IPv4') return classifyEmbedded(address, name);
  if (verdict !== 'public') return verdict;
  if (address.match(IPV4_COMPATIBLE)) return classify(ipv4At(address, 12));
  return address.match(IPV6_GLOBAL_UNICAST) ? 'public' : 'reserved';
}

function classifyEmbedded(address: ipaddr.IPv6, name: string): AddressCategory {
  if (name === 'ipv4Mapped') return classify(address.toIPv4Address());
  if (name === '6to4') return classify(ipv4At(address, 2));
  if (name === 'rfc6052' && !address.match(NAT64_WELL_KNOWN)) return 'reserved';
  return classify(ipv4At(address, 12));
}

/** The IPv4 address held in bytes `offset`..`offset + 3` of an IPv6 address. */
function ipv4At(address: ipaddr.IPv6, offset: number): ipaddr.IPv4 {
  return new ipaddr.IPv4(address.toByteArray().slice(offset, offset + 4));
}

function inAny(ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][], address: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  return ranges.some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits));
}

function lookup<V>(table: Record<string, V>, name: string): V | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}
