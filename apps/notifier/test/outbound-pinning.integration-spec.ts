import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { HostResolver, parseAllowlist, postToTarget, resolveOutboundTarget } from '@mp/outbound';

/**
 * DNS pinning on a real socket: the host name resolves once (to an allowlisted 127.0.0.1); the
 * connection goes to that address while Host keeps the name, and a rebinding DNS never gets asked again.
 */
describe('outbound requests connect to the pinned address', () => {
  let server: Server;
  let port: number;
  const seen: { headers: IncomingHttpHeaders; remote: string | undefined }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ headers: req.headers, remote: req.socket.localAddress });
      req.resume();
      req.on('end', () => res.writeHead(200).end('pinned'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends to the checked address even though the name would resolve elsewhere afterwards', async () => {
    const queries: string[] = [];
    // First answer: the (allowlisted) receiver. Any later answer: an address nothing listens on.
    const rebinding: HostResolver = async (hostname) => {
      queries.push(hostname);
      return queries.length === 1 ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '127.0.0.2', family: 4 }];
    };
    const policy = { allowedPorts: new Set([port]), ...parseAllowlist('127.0.0.1') };
    const target = await resolveOutboundTarget(`http://hooks.rebind.test:${port}/cb?id=7`, policy, rebinding);
    const response = await postToTarget({
      target,
      headers: { 'content-type': 'application/json' },
      body: '{}',
      timeoutMs: 2000,
      excerptBytes: 100,
    });
    expect(response).toMatchObject({ statusCode: 200, excerpt: 'pinned' });
    expect(queries).toEqual(['hooks.rebind.test']);
    expect(seen).toHaveLength(1);
    expect(seen[0].headers.host).toBe(`hooks.rebind.test:${port}`);
    expect(seen[0].remote).toBe('127.0.0.1');
  });

  it('times out a receiver that never answers', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as AddressInfo).port;
    try {
      const policy = { allowedPorts: new Set([silentPort]), ...parseAllowlist('127.0.0.1') };
      const target = await resolveOutboundTarget(`http://127.0.0.1:${silentPort}/`, policy, async () => []);
      const started = Date.now();
      await expect(
        postToTarget({ target, headers: {}, body: '{}', timeoutMs: 300, excerptBytes: 100 }),
      ).rejects.toThrow('timed out after 300 ms');
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
