import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown> | null;
  at: number;
}

/** What the fake answers to one generation request; `delayMs` holds the answer back. */
export interface FakeAnswer {
  status: number;
  json?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  delayMs?: number;
  /** Drop the connection instead of answering (a transport error). */
  hangUp?: boolean;
}

/**
 * A local HTTP server speaking the Ark images API: `POST /api/v3/images/generations` answers with
 * the queued answers in order (the last one repeats), `GET /files/<name>` serves registered bytes.
 */
export class FakeArkServer {
  readonly requests: RecordedRequest[] = [];
  private readonly answers: FakeAnswer[] = [];
  private readonly files = new Map<string, Buffer>();
  private server?: Server;

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  answerWith(...answers: FakeAnswer[]): void {
    this.answers.splice(0, this.answers.length, ...answers);
    this.requests.length = 0;
  }

  /** Serves `bytes` at the returned URL. */
  serveFile(name: string, bytes: Buffer): string {
    this.files.set(name, bytes);
    return `${this.baseUrl}/files/${name}`;
  }

  generationRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.path === '/api/v3/images/generations');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const path = req.url ?? '/';
    this.requests.push({
      method: req.method ?? '',
      path,
      headers: req.headers,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
      at: Date.now(),
    });
    if (req.method === 'GET' && path.startsWith('/files/')) {
      const file = this.files.get(path.slice('/files/'.length));
      res.writeHead(file ? 200 : 404, { 'content-type': 'image/jpeg' }).end(file ?? '');
      return;
    }
    if (req.method !== 'POST' || path !== '/api/v3/images/generations') {
      res.writeHead(404).end();
      return;
    }
    const index = this.generationRequests().length - 1;
    const answer = this.answers[Math.min(index, this.answers.length - 1)];
    if (!answer) {
      res.writeHead(500).end();
      return;
    }
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    if (res.destroyed) return;
    if (answer.hangUp) {
      req.socket.destroy();
      return;
    }
    res
      .writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers })
      .end(answer.raw ?? JSON.stringify(answer.json ?? {}));
  }
}
