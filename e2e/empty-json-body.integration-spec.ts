import {
  createTeamWithKeys,
  createTestInfra,
  PlatformProcesses,
  TeamKeys,
  TEST_ADMIN_TOKEN,
  TestInfra,
} from '@mp/testing';
import { randomUUID } from 'node:crypto';

type OpenApi = { paths: Record<string, Record<string, unknown>> };
type Answer = { status: number; text: string };

/** Every dialect with an OpenAPI document at `/docs/<id>.json`. */
const DIALECTS = ['storage', 'admin', 's3-proxy', 'image', 'media'] as const;

/**
 * Python `requests` with one header dict for every call (the seeds' SDK style), axios defaults and
 * many SDKs send `Content-Type: application/json` on requests without a body. Every documented route
 * of every dialect must answer such a request exactly as it answers the same request without the
 * header: the header on an empty body means "no body", never 400 "Body cannot be empty".
 */
describe('Content-Type: application/json with an empty body, on every route of every dialect', () => {
  let infra: TestInfra;
  let platform: PlatformProcesses;
  let team: TeamKeys;
  let mediaToken: string;

  beforeAll(async () => {
    infra = await createTestInfra({ s3: true });
    platform = await PlatformProcesses.start(infra.env, [
      'quota-billing',
      'files',
      'search-indexer',
      'image-ops',
      'gateway',
    ]);
    team = await createTeamWithKeys(platform.gatewayUrl, 'empty-body', ['cdt', 'kikaku_s3', 'image']);
    const username = 'empty-body@example.com';
    const password = 'pw-empty-body-0123456789';
    const account = await fetch(`${platform.gatewayUrl}/admin/v1/teams/${team.teamId}/accounts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    expect(account.status).toBe(201);
    const login = await fetch(`${platform.gatewayUrl}/api/v1/login/access-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username, password }).toString(),
    });
    mediaToken = ((await login.json()) as { access_token: string }).access_token;
  });

  afterAll(async () => {
    await platform?.stopAll();
    await infra?.dispose();
  });

  const credentials = (dialect: (typeof DIALECTS)[number]): Record<string, string> => {
    switch (dialect) {
      case 'storage':
        return { 'x-api-key': team.keys.cdt!.key! };
      case 'admin':
        return { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
      case 's3-proxy':
        return { authorization: `Bearer ${team.keys.kikaku_s3!.key!}` };
      case 'image':
        return { authorization: team.keys.image!.secret_key! };
      case 'media':
        return { authorization: `Bearer ${mediaToken}` };
    }
  };

  /** A concrete URL of a documented path: the caller's app key, a searchable field, fresh ids elsewhere. */
  const concrete = (path: string) =>
    path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      if (name === 'appKey') return team.keys.image!.app_key!;
      if (name === 'field') return 'folder';
      if (name === 'teamId') return team.teamId;
      return randomUUID();
    });

  /** fetch gives a string body a text/plain type, so only the request with the header carries one (empty). */
  const send = async (method: string, url: string, headers: Record<string, string>): Promise<Answer> => {
    const emptyBody = 'content-type' in headers && method !== 'GET' && method !== 'HEAD';
    const res = await fetch(url, { method, headers, body: emptyBody ? '' : undefined });
    return { status: res.status, text: await res.text() };
  };

  it.each(DIALECTS)('%s: the header on an empty body changes nothing', async (dialect) => {
    const doc = (await (await fetch(`${platform.gatewayUrl}/docs/${dialect}.json`)).json()) as OpenApi;
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
    );
    expect(operations.length).toBeGreaterThan(2);
    for (const op of operations) {
      const url = `${platform.gatewayUrl}${concrete(op.path)}`;
      // Before and after, so that a route that changes state (a create, a delete) compares fairly.
      const before = await send(op.method, url, credentials(dialect));
      const withHeader = await send(op.method, url, { ...credentials(dialect), 'content-type': 'application/json' });
      const after = await send(op.method, url, credentials(dialect));
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
