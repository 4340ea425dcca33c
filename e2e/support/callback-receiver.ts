import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { ReceivedCallback } from './webhook-signature';

/**
 * A customer's callback endpoint on 127.0.0.1: records every request it receives and answers it
 * with `status` after `delayMs`, both of which a test may change.
 */
export class CallbackReceiver {
  readonly received: ReceivedCallback[] = [];
  delayMs = 0;
  private readonly server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      this.received.push({ path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = this.status;
      setTimeout(() => res.writeHead(answer).end(), this.delayMs);
    });
  });

  constructor(public status: number) {}

  listen(): Promise<void> {
    return new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The settings that let the platform's outbound calls reach this receiver. */
  outboundSettings(): Record<string, string> {
    return { OUTBOUND_ALLOWLIST: '127.0.0.1', OUTBOUND_ALLOWED_PORTS: `80,443,${this.port}` };
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * A CallbackReceiver listening from the calling describe block's `beforeAll` to its `afterAll`:
 * call it before the platform suite whose settings name its port.
 */
export function callbackReceiverSuite(status: number): CallbackReceiver {
  const receiver = new CallbackReceiver(status);
  beforeAll(() => receiver.listen());
  afterAll(() => receiver.close());
  return receiver;
}
