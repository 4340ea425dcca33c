import { platformSuite } from '@mp/testing';

/**
 * Issue 9, item 1: a request whose error reply would quote a huge input (here a 1,000,000-character
 * `sort_by`, quoted twice by the validation message) killed the search-indexer with NATS's
 * MAX_PAYLOAD_EXCEEDED, and every team's search answered 503 from then on.
 */
describe('a request with huge strings never takes a service down', () => {
  const suite = platformSuite({
    apps: ['quota-billing', 'files', 'search-indexer', 'gateway'],
    teams: { oversized: ['cdt'] },
  });
  const team = () => suite.team('oversized');

  const search = (body: unknown) =>
    fetch(`${suite.gatewayUrl}/v1/files/storage/search`, {
      method: 'POST',
      headers: { 'x-api-key': team().keys.cdt!.key!, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('answers a 1,000,000-character sort_by with a bounded 400, and search keeps working', async () => {
    const huge = await search({ filters: { folder: 'x' }, sort_by: 'A'.repeat(1_000_000) });
    const text = await huge.text();
    expect(huge.status).toBe(400);
    expect(text.length).toBeLessThan(4096);
    expect(JSON.parse(text)).toMatchObject({ detail: expect.any(String) });

    const after = await search({ filters: { folder: 'x' } });
    expect(after.status).toBe(200);
    expect(suite.platform.logs('search-indexer')).not.toContain('MAX_PAYLOAD_EXCEEDED');
  });

  it('answers many parallel huge requests without losing the service', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        search({ filters: { folder: 'B'.repeat(300_000 + i) }, sort_by: 'C'.repeat(300_000) }),
      ),
    );
    for (const answer of answers) expect(answer.status).toBe(400);
    expect((await search({})).status).toBe(200);
  });
});
