import fc from 'fast-check';
import {
  DialectId,
  DIALECTS,
  dialectPlatformSuite,
  DocumentedOperation,
  PLATFORM_APPS,
} from './support/dialect-platform';
import { hostileSegment, hostileShortString, hostileString, hostileValue } from './support/fuzz-values';

const SEED = 20261203;
const CASES_PER_OPERATION = 24;
const REQUEST_TIMEOUT_MS = 15_000;
const PARALLEL = 4;
/** The image dialect's resultCodes for Internal, DependencyUnavailable and Timeout. */
const SERVER_RESULT_CODES = [500, 503, 504];

type Credentials = 'valid' | 'none' | 'bogus';
interface FuzzCase {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  what: string;
  /** The route's leading static segment (`/files`, `/v1/files` …). */
  prefix: string;
}
interface Failure {
  dialect: DialectId;
  what: string;
  status: number;
  text: string;
}

/**
 * Walks every route of every OpenAPI document with malformed bodies, queries, paths and headers
 * (wrong types, huge and unicode strings, NUL, lone surrogates, traversal, empty bodies with and
 * without a Content-Type, truncated multipart), with and without valid keys. Every answer must be
 * a client error or success in the dialect's own error shape, never a 5xx or a hang, and every
 * service must still be ready at the end. The cases come from fast-check with a fixed seed, so a
 * failure reproduces; each failure is listed with the request that caused it.
 */
describe('fuzzing every documented route of every dialect', () => {
  const platform = dialectPlatformSuite('fuzz');

  const credentialsFor = (dialect: DialectId, kind: Credentials): Record<string, string> => {
    if (kind === 'none') return {};
    const valid = platform().credentials(dialect);
    if (kind === 'valid') return valid;
    return Object.fromEntries(Object.keys(valid).map((k) => [k, `Bearer kikaku_${'\u00ff'.repeat(3)}x`]));
  };

  const caseArbitrary = (op: DocumentedOperation): fc.Arbitrary<FuzzCase> => {
    const params = fc.record(Object.fromEntries(op.pathParams.map((p) => [p, fc.option(hostileSegment)])));
    const query = fc.oneof(
      {
        arbitrary: fc.dictionary(
          fc.oneof(
            fc.constantFrom(...(op.queryParams.length ? op.queryParams.map((q) => q.name) : ['q'])),
            hostileShortString,
          ),
          hostileShortString,
          { maxKeys: 4 },
        ),
        weight: 8,
      },
      { arbitrary: fc.constant({ q: 'A'.repeat(20_000) }), weight: 1 },
    );
    const bodyObject = fc.dictionary(
      fc.oneof(fc.constantFrom(...(op.bodyProperties.length ? op.bodyProperties : ['name'])), hostileString),
      hostileValue,
      { maxKeys: 6 },
    );
    const body = fc.oneof(
      bodyObject.map((o) => ({ type: 'application/json', data: JSON.stringify(o) as string | Buffer })),
      hostileValue.map((v) => ({ type: 'application/json', data: JSON.stringify(v) ?? 'null' })),
      fc.constantFrom('{"a":', '[', '\u0000', 'null', '"x"', '{"__proto__":{"x":1}}').map((data) => ({
        type: 'application/json',
        data,
      })),
      fc.constant({ type: 'application/json', data: '' }),
      fc.constant({ type: '', data: '' }),
      bodyObject.map((o) => ({ type: 'application/x-www-form-urlencoded', data: formBody(o) })),
      fc.constantFrom('image/png', 'text/plain', 'application/xml').map((type) => ({ type, data: '\u0000\u0001' })),
      fc.record({ boundary: fc.constantFrom('xyz', 'a'.repeat(70)), cut: fc.nat(200) }).map(truncatedMultipart),
    );
    return fc
      .record({
        params,
        query,
        body: fc.option(body, { freq: 4 }),
        credentials: fc.constantFrom<Credentials>('valid', 'valid', 'valid', 'none', 'bogus'),
      })
      .map(({ params, query, body, credentials }) => {
        const values = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== null)) as Record<
          string,
          string
        >;
        const search = new URLSearchParams(query as Record<string, string>).toString();
        const url = `${platform().gatewayUrl}${platform().concrete(op.path, values)}${search ? `?${search}` : ''}`;
        const headers = { ...credentialsFor(op.dialect, credentials) };
        const sendsBody = body && op.method !== 'GET' && op.method !== 'HEAD';
        if (sendsBody && body.type) headers['content-type'] = body.type;
        return {
          method: op.method,
          url,
          headers,
          body: sendsBody ? body.data : undefined,
          prefix: op.path.split('{')[0],
          what: `${op.method} ${op.path} creds=${credentials} url=${url.slice(platform().gatewayUrl.length, 300)} ${
            sendsBody ? `body(${body.type})=${String(body.data).slice(0, 200)}` : ''
          }`,
        };
      });
  };

  it.each(DIALECTS)('%s: no 5xx, no hang, the dialect error shape', async (dialect) => {
    const operations = await platform().operations(dialect);
    expect(operations.length).toBeGreaterThan(0);
    const cases = operations.flatMap((op, i) =>
      fc.sample(caseArbitrary(op), { seed: SEED + i, numRuns: CASES_PER_OPERATION }),
    );
    const failures: Failure[] = [];
    await inBatches(cases, PARALLEL, async (c) => {
      const answer = await send(c);
      // The URL parser resolves `.`/`..` segments: such a request may leave the dialect's paths.
      const stayed = new URL(c.url).pathname.startsWith(c.prefix);
      const problem = stayed
        ? judge(dialect, answer)
        : answer.status >= 500
          ? `server error: ${answer.text}`
          : undefined;
      if (problem) failures.push({ dialect, what: c.what, status: answer.status, text: problem });
    });
    expect(summarise(failures)).toEqual([]);
    expect(await platform().allReady()).toEqual(Object.fromEntries(PLATFORM_APPS.map((app) => [app, 200])));
  });
});

/** One line per distinct failure (route, status, answer), with how often it happened and one request. */
function summarise(failures: Failure[]): string[] {
  const groups = new Map<string, { count: number; example: string }>();
  for (const f of failures) {
    const route = f.what.split(' creds=')[0];
    const key = `${route} → ${f.status} ${f.text.slice(0, 140)}`;
    const group = groups.get(key) ?? { count: 0, example: f.what.slice(0, 260) };
    group.count++;
    groups.set(key, group);
  }
  return [...groups].map(([key, g]) => `${key} (×${g.count}; e.g. ${g.example})`);
}

async function send(c: FuzzCase): Promise<{ status: number; text: string; contentType: string }> {
  try {
    const res = await fetch(c.url, {
      method: c.method,
      headers: c.headers,
      body: c.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    return { status: res.status, text: await res.text(), contentType: res.headers.get('content-type') ?? '' };
  } catch (err) {
    return { status: -1, text: `no answer: ${(err as Error).name} ${(err as Error).message}`, contentType: '' };
  }
}

/** What is wrong with an answer, or undefined when it is a well-formed success or client error. */
function judge(dialect: DialectId, a: { status: number; text: string; contentType: string }): string | undefined {
  if (a.status < 0) return a.text;
  if (a.status >= 500) return `server error: ${a.text.slice(0, 300)}`;
  if (dialect === 'image') {
    if (a.status !== 200) return `image dialect answered HTTP ${a.status}: ${a.text.slice(0, 200)}`;
    const header = parse(a.text)?.header as { isSuccessful?: boolean; resultCode?: number } | undefined;
    if (a.contentType.includes('json') && !header && !a.text.startsWith('{"')) return 'no header';
    if (header && header.isSuccessful === false && SERVER_RESULT_CODES.includes(header.resultCode ?? 0)) {
      return `image resultCode ${header.resultCode}: ${a.text.slice(0, 200)}`;
    }
    return undefined;
  }
  if (a.status < 400) return undefined;
  const body = parse(a.text);
  if (!body) return `error not JSON: ${a.text.slice(0, 200)}`;
  switch (dialect) {
    case 'storage':
      return typeof body.detail === 'string' && body.error
        ? undefined
        : `not the storage shape: ${a.text.slice(0, 200)}`;
    case 'media':
      return body.detail !== undefined ? undefined : `not the FastAPI shape: ${a.text.slice(0, 200)}`;
    case 'admin':
    case 's3-proxy':
    case 'generation':
    case 'bucket': {
      const error = body.error as { code?: unknown; message?: unknown } | undefined;
      return typeof error?.code === 'string' && typeof error.message === 'string'
        ? undefined
        : `not the {error:{code,message}} shape: ${a.text.slice(0, 200)}`;
    }
  }
}

function parse(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function formBody(o: Record<string, unknown>): string {
  return new URLSearchParams(
    Object.entries(o).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : (JSON.stringify(v) ?? '')]),
  ).toString();
}

/** A multipart body cut off inside its file part: no closing boundary ever arrives. */
function truncatedMultipart({ boundary, cut }: { boundary: string; cut: number }): { type: string; data: Buffer } {
  const full =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.png"\r\n` +
    `Content-Type: image/png\r\n\r\n${'\u0089PNG'.repeat(60)}\r\n--${boundary}--\r\n`;
  return {
    type: `multipart/form-data; boundary=${boundary}`,
    data: Buffer.from(full).subarray(0, Math.min(cut + 80, full.length - boundary.length - 8)),
  };
}

async function inBatches<T>(items: T[], parallel: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]);
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}
