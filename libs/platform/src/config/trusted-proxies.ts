import ipaddr from 'ipaddr.js';
import { z } from 'zod';

/** `10.0.0.0/8`, `fd00::/8` or a bare address. */
function isAddressOrRange(entry: string): boolean {
  const [address, prefix] = entry.split('/');
  const isAddress = ipaddr.IPv4.isValidFourPartDecimal(address) || ipaddr.IPv6.isValid(address);
  return isAddress && (prefix === undefined || ipaddr.isValidCIDR(entry));
}

/**
 * `TRUSTED_PROXIES`: comma-separated addresses and CIDR ranges of the reverse proxies in front of
 * a service. Only a connection from one of them may name the client with `X-Forwarded-For`;
 * empty (the default) trusts no one, so `request.ip` is the socket's peer address.
 */
export const trustedProxiesSchema = z
  .string()
  .default('')
  .transform((raw) =>
    raw
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  )
  .refine((entries) => entries.every(isAddressOrRange), {
    error: 'must be a comma-separated list of IP addresses or CIDR ranges (e.g. 10.0.0.0/8,127.0.0.1)',
  });
