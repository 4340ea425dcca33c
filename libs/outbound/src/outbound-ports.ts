/** Parses `OUTBOUND_ALLOWED_PORTS`: comma-separated port numbers. Throws naming a bad entry. */
export function parsePorts(value: string): ReadonlySet<number> {
  const ports = new Set<number>();
  for (const entry of value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const port = /^\d{1,5}$/.test(entry) ? Number(entry) : NaN;
    if (!(port >= 1 && port <= 65535)) throw new Error(`"${entry}" is not a port number (1-65535)`);
    ports.add(port);
  }
  if (ports.size === 0) throw new Error('at least one port is required');
  return ports;
}

/** The port a callback URL is sent to. */
export function callbackPortOf(value: string): number {
  const url = new URL(value);
  return url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
}

/** The message refusing a callback URL whose port is not allowed, or null. */
export function imageCallbackPortError(value: string | undefined, allowedPorts: ReadonlySet<number>): string | null {
  if (value === undefined || allowedPorts.has(callbackPortOf(value))) return null;
  return `callbackUrl must use port ${[...allowedPorts].sort((a, b) => a - b).join(' or ')}`;
}
