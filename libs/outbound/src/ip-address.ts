import { isIPv4, isIPv6 } from 'node:net';

/** An IP address as raw bytes: 4 for IPv4, 16 for IPv6. */
export interface IpAddress {
  family: 4 | 6;
  bytes: Uint8Array;
}

/** An address range (`10.0.0.0/8`, `fc00::/7`); a bare address is a /32 or /128. */
export interface IpRange extends IpAddress {
  prefix: number;
}

/** Parses a textual IPv4 or IPv6 address (brackets and an IPv6 zone id are accepted); undefined if it is none. */
export function parseIp(text: string): IpAddress | undefined {
  let value = text.trim();
  if (value.startsWith('[') && value.endsWith(']')) value = value.slice(1, -1);
  const zone = value.indexOf('%');
  if (zone >= 0) value = value.slice(0, zone);
  if (isIPv4(value)) return { family: 4, bytes: Uint8Array.from(value.split('.').map(Number)) };
  if (isIPv6(value)) return { family: 6, bytes: parseIpv6(value) };
  return undefined;
}

function parseIpv6(value: string): Uint8Array {
  let text = value.toLowerCase();
  const tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    tail.push(
      ...text
        .slice(lastColon + 1)
        .split('.')
        .map(Number),
    );
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = groups(head);
  const right = rest === undefined ? [] : groups(rest);
  const words = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  const bytes = new Uint8Array(16);
  words.forEach((word, i) => {
    bytes[i * 2] = word >> 8;
    bytes[i * 2 + 1] = word & 0xff;
  });
  if (tail.length) bytes.set(tail, 12);
  return bytes;
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
  const full = Math.floor(range.prefix / 8);
  for (let i = 0; i < full; i++) if (range.bytes[i] !== address.bytes[i]) return false;
  const bits = range.prefix % 8;
  if (bits === 0) return true;
  const mask = (0xff << (8 - bits)) & 0xff;
  return (range.bytes[full] & mask) === (address.bytes[full] & mask);
}

/** An IPv4-mapped IPv6 address (`::ffff:a.b.c.d`) is the IPv4 address it maps; others are returned unchanged. */
export function unmapIpv4(address: IpAddress): IpAddress {
  if (
    address.family === 6 &&
    address.bytes.subarray(0, 10).every((b) => b === 0) &&
    address.bytes[10] === 0xff &&
    address.bytes[11] === 0xff
  ) {
    return { family: 4, bytes: address.bytes.slice(12) };
  }
  return address;
}

export function formatIp(address: IpAddress): string {
  if (address.family === 4) return Array.from(address.bytes).join('.');
  const words: string[] = [];
  for (let i = 0; i < 16; i += 2) words.push(((address.bytes[i] << 8) | address.bytes[i + 1]).toString(16));
  return words.join(':');
}

export function range(text: string): IpRange {
  const parsed = parseRange(text);
  if (!parsed) throw new Error(`invalid IP range literal ${text}`);
  return parsed;
}
