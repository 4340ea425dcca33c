import { createTestInfra, freePort, PlatformProcesses, TestInfra } from '@mp/testing';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';

type Dialect = 'storage' | 'admin' | 's3-proxy' | 'image' | 'media';
interface Answer {
  status: number;
  body: unknown;
}

/** Where each dialect lives: a route with a path parameter (GET unless said), a JSON POST route, any path under it. */
const ROUTES: Record<
  Dialect,
  { param: (value: string) => string; paramMethod?: string; jsonPost?: string; under: string }
> = {
  storage: { param: (v) => `/v1/files/storage/distinct/${v}`, jsonPost: '/v1/files/upload-url', under: '/v1/files/x' },
  admin: { param: (v) => `/admin/v1/teams/${v}`, jsonPost: '/admin/v1/teams', under: '/admin/v1/x' },
  's3-proxy': { param: (v) => `/s3/files/${v}`, under: '/s3/x' },
  image: {
    param: (v) => `/image/v2.0/appkeys/${v}/images`,
    jsonPost: '/image/v2.0/appkeys/app/folders',
    under: '/image/v2.0/x',
  },
  media: {
    param: (v) => `/api/v1/media-resources/attachments/${v}`,
    paramMethod: 'DELETE',
    jsonPost: '/api/v1/uploads/presigned-url',
    under: '/api/v1/x',
  },
};
const DIALECTS = Object.keys(ROUTES) as Dialect[];

/** JSON when it parses; else the text, so the assertion shows what came back. */
function parseBody(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return text;
  }
}

/**
 * The error shape of each dialect, with the HTTP status the framework failure must get: the image
 * API answers 200 with `header.isSuccessful=false`, the others the failure's own status.
 */
function expectDialectError(dialect: Dialect, answer: Answer, status: number, code: string): void {
  const where = { dialect, answer };
  switch (dialect) {
    case 'storage':
      expect(where).toEqual({
        dialect,
        answer: {
          status,
          body: {
            detail: expect.any(String),
            error: { code, message: expect.any(String), details: expect.any(Object) },
          },
        },
      });
      return;
    case 'admin':
      expect(where).toEqual({
        dialect,
        answer: { status, body: { error: { code, message: expect.any(String), details: expect.any(Object) } } },
      });
      return;
    case 's3-proxy':
      expect(where).toEqual({
        dialect,
        answer: {
          status,
          body: {
            error: { code: code === 'ValidationFailed' ? 'InvalidParameter' : code, message: expect.any(String) },
          },
        },
      });
      return;
    case 'image':
      expect(where).toEqual({
        dialect,
        answer: {
          status: 200,
          body: { header: { isSuccessful: false, resultCode: expect.any(Number), resultMessage: expect.any(String) } },
        },
      });
      return;
    case 'media':
      expect(where).toEqual({ dialect, answer: { status, body: { detail: expect.any(String) } } });
      return;
  }
}

/** Raw HTTP, so that paths and headers reach the server exactly as written (fetch would normalise them). */
function send(
  base: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method, path, headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: parseBody(Buffer.concat(chunks).toString()) });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('framework errors are answered in the dialect of the path', () => {
  let infra: TestInfra;
  let platform: PlatformProcesses;
  let metricsPort: number;
  let base: string;

  beforeAll(async () => {
    infra = await createTestInfra();
    metricsPort = await freePort();
    platform = new PlatformProcesses(infra.env);
    await platform.startApp('gateway', { METRICS_PORT: String(metricsPort) });
    base = platform.gatewayUrl;
  });

  afterAll(async () => {
    await platform?.stopAll();
    await infra?.dispose();
  });

  it.each(DIALECTS)('%s: a path that is not validly percent-encoded (%%C0%%AF) → 400', async (dialect) => {
    expectDialectError(
      dialect,
      await send(base, ROUTES[dialect].paramMethod ?? 'GET', ROUTES[dialect].param('%C0%AF')),
      400,
      'ValidationFailed',
    );
  });

  it.each(DIALECTS.filter((d) => d !== 's3-proxy'))(
    '%s: a path parameter over 100 characters → 414',
    async (dialect) => {
      expectDialectError(
        dialect,
        await send(base, ROUTES[dialect].paramMethod ?? 'GET', ROUTES[dialect].param('a'.repeat(500))),
        414,
        'ValidationFailed',
      );
    },
  );

  it.each(DIALECTS)('%s: a 20 KB query (over the 16 KB header limit) → 431', async (dialect) => {
    const answer = await send(base, 'GET', `${ROUTES[dialect].under}?q=${'a'.repeat(20_000)}`);
    expectDialectError(dialect, answer, 431, 'ValidationFailed');
  });

  it.each(DIALECTS)('%s: headers over 16 KB arriving after the request line → 431 in the dialect', async (dialect) => {
    // What a client's second TCP segment carries: Node's parser refuses it without the request line.
    const { port, hostname } = new URL(base);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => {
        socket.write(`GET ${ROUTES[dialect].under} HTTP/1.1\r\nHost: ${hostname}\r\n`);
        setTimeout(() => socket.write(`X-Filler: ${'a'.repeat(20_000)}\r\n\r\n`), 50);
      });
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('utf8')));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    const [head, body] = raw.split('\r\n\r\n');
    const status = Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1]);
    expectDialectError(dialect, { status, body: parseBody(body) }, 431, 'ValidationFailed');
  });

  it.each(DIALECTS)('%s: repeated slashes still find the dialect → its NotFound', async (dialect) => {
    const answer = await send(base, 'GET', `/${ROUTES[dialect].under.replace(/\//g, '//')}`);
    expectDialectError(dialect, answer, 404, 'NotFound');
  });

  it.each(DIALECTS.filter((d) => ROUTES[d].jsonPost))('%s: a body that is not JSON → 400', async (dialect) => {
    const answer = await send(base, 'POST', ROUTES[dialect].jsonPost!, {
      headers: { 'content-type': 'application/json' },
      body: '{"a":',
    });
    expectDialectError(dialect, answer, 400, 'ValidationFailed');
  });

  it.each(DIALECTS.filter((d) => ROUTES[d].jsonPost))('%s: a JSON body over the limit → 413', async (dialect) => {
    const answer = await send(base, 'POST', ROUTES[dialect].jsonPost!, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ filler: 'a'.repeat(2 * 1024 * 1024) }),
    });
    expectDialectError(dialect, answer, 413, 'PayloadTooLarge');
  });

  it('a header set over 16 KB outside any dialect → a clean 431 with a JSON body', async () => {
    const answer = await send(base, 'GET', '/nowhere', { headers: { 'x-filler': 'a'.repeat(20_000) } });
    expect(answer).toEqual({ status: 431, body: { error: expect.objectContaining({ code: 'ValidationFailed' }) } });
  });

  it('serves no /metrics on the public port; the internal METRICS_PORT has them', async () => {
    const publicAnswer = await send(base, 'GET', '/metrics');
    expect(publicAnswer).toEqual({
      status: 404,
      body: { error: { code: 'NotFound', message: expect.any(String), details: expect.any(Object) } },
    });
    const internal = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(internal.status).toBe(200);
    const text = await internal.text();
    expect(text).toContain('app="gateway"');
    expect(text).toContain('process_cpu_user_seconds_total');
    expect((await fetch(`http://127.0.0.1:${metricsPort}/v1/files/x`)).status).toBe(404);
  });
});
