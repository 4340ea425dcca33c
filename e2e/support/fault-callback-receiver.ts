import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface CallbackReceipt {
  /** The `id` query parameter of the callback URL: which request asked for it. */
  requestId: string;
  webhookId: string;
  body: { header?: { isSuccessful?: boolean } } & Record<string, unknown>;
}

/**
 * A customer's flaky callback endpoint on 127.0.0.1: the first attempt of each delivery (`webhook-id`)
 * is answered 503, so every callback has a retry waiting in the notifier's queue; later ones are
 * answered 200 and recorded as receipts.
 */
export class FaultCallbackReceiver {
  private constructor(
    readonly receipts: readonly CallbackReceipt[],
    readonly refusedFirstAttempts: ReadonlySet<string>,
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<FaultCallbackReceiver> {
    const receipts: CallbackReceipt[] = [];
    const refused = new Set<string>();
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://receiver');
        let body: CallbackReceipt['body'] = {};
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as CallbackReceipt['body'];
        } catch {
          // Recorded with an empty body: the audit reports it as not successful.
        }
        const webhookId = String(req.headers['webhook-id'] ?? '');
        if (!refused.has(webhookId)) {
          refused.add(webhookId);
          res.writeHead(503).end();
          return;
        }
        receipts.push({ requestId: url.searchParams.get('id') ?? '', webhookId, body });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new FaultCallbackReceiver(receipts, refused, server, (server.address() as AddressInfo).port);
  }

  url(requestId: string): string {
    return `http://127.0.0.1:${this.port}/cb?id=${encodeURIComponent(requestId)}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
