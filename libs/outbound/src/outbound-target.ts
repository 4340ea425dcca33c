import { classifyAddress } from './address-classification';
import { HostResolver } from './host-resolver';
import { formatIp, parseIp } from './ip-address';
import { isAllowlistedAddress, normalizeHostname, OutboundPolicy } from './outbound-policy';
import { OutboundRefusedError } from './outbound-refused.error';

/** A checked destination: the request must connect to `address` (pinned), whatever DNS says later. */
export interface OutboundTarget {
  url: URL;
  /** Host name without brackets, as sent in `Host` and TLS SNI. */
  hostname: string;
  port: number;
  address: string;
  family: 4 | 6;
}

/**
 * The SSRF guard. Checks scheme and port, resolves the host once, refuses it when any of its
 * addresses is not public (unless allowlisted), and returns the address to connect to. Refusals
 * throw OutboundRefusedError; resolver failures propagate unchanged (they may be transient).
 */
export async function resolveOutboundTarget(
  rawUrl: string,
  policy: OutboundPolicy,
  resolve: HostResolver,
): Promise<OutboundTarget> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new OutboundRefusedError('the callback URL is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new OutboundRefusedError(`scheme ${url.protocol} is not allowed (http or https only)`);
  if (url.username || url.password) throw new OutboundRefusedError('credentials in the callback URL are not allowed');
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  if (!policy.allowedPorts.has(port)) {
    throw new OutboundRefusedError(
      `port ${port} is not allowed (allowed: ${[...policy.allowedPorts].sort((a, b) => a - b).join(', ')})`,
    );
  }
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const literal = parseIp(hostname);
  const candidates = literal ? [{ address: formatIp(literal), family: literal.family }] : await resolve(hostname);
  if (candidates.length === 0) throw new Error(`${hostname} has no address`);
  const hostAllowed = !literal && policy.allowedHosts.has(normalizeHostname(hostname));
  let pinned: { address: string; family: 4 | 6 } | undefined;
  for (const candidate of candidates) {
    const address = parseIp(candidate.address);
    if (!address) throw new OutboundRefusedError(`${hostname} resolved to an unusable address`);
    const category = classifyAddress(address);
    if (category !== 'public' && !hostAllowed && !isAllowlistedAddress(policy, address)) {
      throw new OutboundRefusedError(
        `${hostname} resolves to ${candidate.address} (${category}); outbound requests may only reach public addresses`,
      );
    }
    pinned ??= { address: candidate.address, family: address.family };
  }
  return { url, hostname, port, address: pinned!.address, family: pinned!.family };
}
