import { BlockList, isIP } from 'node:net';

/** `::ffff:1.2.3.4` is the IPv4 client 1.2.3.4 (a dual-stack socket reports it so). */
function normalise(ip: string): { address: string; family: 'ipv4' | 'ipv6' } | undefined {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  const address = mapped ?? ip;
  const family = isIP(address);
  return family === 0 ? undefined : { address, family: family === 4 ? 'ipv4' : 'ipv6' };
}

/** Whether `ip` is one of the addresses or inside one of the CIDR blocks; an empty list allows every address. */
export function ipAllowed(ip: string, list: readonly string[]): boolean {
  if (list.length === 0) return true;
  const client = normalise(ip);
  if (!client) return false;
  const allowed = new BlockList();
  for (const entry of list) {
    const [address, bits] = entry.split('/');
    const family = isIP(address ?? '');
    if (family === 0) continue;
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) allowed.addAddress(address!, type);
    else allowed.addSubnet(address!, Number(bits), type);
  }
  return allowed.check(client.address, client.family);
}
