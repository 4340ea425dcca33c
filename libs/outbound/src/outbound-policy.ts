import { IpAddress, IpRange, parseRange, rangeContains, unmapIpv4 } from './ip-address';

/** Where outbound requests may go besides public addresses, and on which ports. */
export interface OutboundPolicy {
  allowedPorts: ReadonlySet<number>;
  /** Host names (lower case, no trailing dot) trusted whatever they resolve to. */
  allowedHosts: ReadonlySet<string>;
  /** Address ranges trusted although not public (e.g. `127.0.0.1` for tests). */
  allowedRanges: readonly IpRange[];
}

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

export function normalizeHostname(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '');
}

/** Parses `OUTBOUND_ALLOWLIST`: comma-separated host names, addresses and CIDR ranges. Throws naming a bad entry. */
export function parseAllowlist(value: string): Pick<OutboundPolicy, 'allowedHosts' | 'allowedRanges'> {
  const allowedHosts = new Set<string>();
  const allowedRanges: IpRange[] = [];
  for (const entry of value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const parsed = parseRange(entry);
    if (parsed) allowedRanges.push(parsed);
    else if (!entry.includes('/') && HOSTNAME.test(normalizeHostname(entry)))
      allowedHosts.add(normalizeHostname(entry));
    else throw new Error(`"${entry}" is neither a host name, an IP address nor a CIDR range`);
  }
  return { allowedHosts, allowedRanges };
}

/** Whether an allowlisted range covers the address (an IPv4-mapped IPv6 address counts as its IPv4 address). */
export function isAllowlistedAddress(policy: OutboundPolicy, address: IpAddress): boolean {
  const unmapped = unmapIpv4(address);
  return policy.allowedRanges.some((r) => rangeContains(r, address) || rangeContains(r, unmapped));
}
