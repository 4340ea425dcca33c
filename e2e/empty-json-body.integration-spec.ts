import { dialectPlatformSuite, DIALECTS } from './support/dialect-platform';

type Answer = { status: number; text: string };

/**
 * Python `requests` with one header dict for every call (the seeds' SDK style), axios defaults and
 * many SDKs send `Content-Type: application/json` on requests without a body. Every documented route
 * of every dialect must answer such a request exactly as it answers the same request without the
 * header: the header on an empty body means "no body", never 400 "Body cannot be empty".
 */
describe('Content-Type: application/json with an empty body, on every route of every dialect', () => {
  const under = dialectPlatformSuite('empty-body');

  /** fetch gives a string body a text/plain type, so only the request with the header carries one (empty). */
  const send = async (method: string, url: string, headers: Record<string, string>): Promise<Answer> => {
    const emptyBody = 'content-type' in headers && method !== 'GET' && method !== 'HEAD';
    const res = await fetch(url, { method, headers, body: emptyBody ? '' : undefined });
    return { status: res.status, text: await res.text() };
  };

  it.each(DIALECTS)('%s: the header on an empty body changes nothing', async (dialect) => {
    const operations = await under().operations(dialect);
    expect(operations.length).toBeGreaterThan(0);
    for (const op of operations) {
      const url = `${under().gatewayUrl}${under().concrete(op.path)}`;
      // Before and after, so that a route that changes state (a create, a delete) compares fairly.
      const before = await send(op.method, url, under().credentials(dialect));
      const withHeader = await send(op.method, url, {
        ...under().credentials(dialect),
        'content-type': 'application/json',
      });
      const after = await send(op.method, url, under().credentials(dialect));
      const where = `${op.method} ${op.path}`;
      expect({ where, text: withHeader.text }).not.toEqual({
        where,
        text: expect.stringContaining('Body cannot be empty'),
      });
      expect({ where, status: [before.status, after.status] }).toEqual({
        where,
        status: expect.arrayContaining([withHeader.status]),
      });
      expect(withHeader.status).toBeLessThan(500);
    }
  });
});
