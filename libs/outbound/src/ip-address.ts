import ipaddr from 'ipaddr.js';

/** An IP address as raw bytes: 4 for IPv4, 16 for IPv6. */
export interface IpAddress {
  family: 4 | 6;
  bytes: Uint8Array;
}

/** An address range (`10.0.0.0/8`, `fc00::/7`); a bare address is a /32 or /128. */
export interface IpRange extends IpAddress {
  prefix: number;
}

/** Parses a textual IPv4 (four-part decimal only) or IPv6 address (brackets and an IPv6 zone id are accepted); undefined if it is none. */
export function parseIp(text: string): IpAddress | undefined {
  let value = text.trim();
  if (value.startsWith('[') && value.endsWith(']')) value = value.slice(1, -1);
  const zone = value.indexOf('%');
  if (zone >= 0) value = value.slice(0, zone);
  if (ipaddr.IPv4.isValidFourPartDecimal(value)) return toIpAddress(ipaddr.IPv4.parse(value));
  if (ipaddr.IPv6.isValid(value)) return toIpAddress(ipaddr.IPv6.parse(value));
  return undefined;
}

function toIpAddress(address: ipaddr.IPv4 | ipaddr.IPv6): IpAddress {
  return { family: address.kind() === 'ipv4' ? 4 : 6, bytes: Uint8Array.from(address.toByteArray()) };
}

/** The ipaddr.js object for an address, for its range and matching helpers. */
export function toIpaddr(address: IpAddress): ipaddr.IPv4 | ipaddr.IPv6 {
  return ipaddr.fromByteArray(Array.from(address.bytes));
}

/** Parses `address/prefix` or a bare address; undefined if malformed. */
export function parseRange(text: string): IpRange | undefined {
  const [addressText, prefixText, extra] = text.trim().split('/');
  if (extra !== undefined) return undefined;
  const address = parseIp(addressText);
  if (!address) return undefined;
  const max = address.family === 4 ? 32 : 128;
  if (prefixText === undefined) return { ...address, prefix: max };
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  return prefix <= max ? { ...address, prefix } : undefined;
}

/** Whether `address` lies in `range` (families must match; normalise IPv4-mapped addresses first). */
export function rangeContains(range: IpRange, address: IpAddress): boolean {
  if (range.family !== address.family) return false;
  return toIpaddr(address).match(toIpaddr(range), range.prefix);
}

/** An IPv4-mapped IPv6 address (`::ffff:a.b.c.d`) is the IPv4 address it maps; others are returned unchanged. */
export function unmapIpv4(address: IpAddress): IpAddress {
  const parsed = toIpaddr(address);
  return parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress() ? toIpAddress(parsed.toIPv4Address()) : address;
}

/** Dotted decimal for IPv4, all eight groups (no `::`) for IPv6. */
export function formatIp(address: IpAddress): string {
  return toIpaddr(address).toNormalizedString();
}
