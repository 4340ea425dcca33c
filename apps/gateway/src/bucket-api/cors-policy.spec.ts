import type { ContainerAccess } from '@mp/contracts';
import { actualRequest, originMatches, preflight } from './cors-policy';

const access = (over: Partial<ContainerAccess> = {}): ContainerAccess => ({
  public: null,
  public_read_allow_ip_list: [],
  cors: [],
  swift_cors: { allow_origin: null, expose_headers: null, max_age: null },
  temp_url_keys: [],
  owner_id: null,
  permissions: [],
  ...over,
});
const SEED_RULES = access({
  cors: [
    {
      allowed_origins: ['https://www.example1.com'],
      allowed_methods: ['PUT', 'GET'],
      allowed_headers: ['*'],
      expose_headers: [],
      max_age_seconds: 10,
    },
    {
      allowed_origins: ['https://*.example2.com'],
      allowed_methods: ['PUT', 'GET', 'DELETE'],
      allowed_headers: ['x-auth-token'],
      expose_headers: ['X-Object-Meta-User-Defined'],
      max_age_seconds: 10,
    },
  ],
});

describe('originMatches', () => {
  it('matches literally, with one * standing for any run', () => {
    expect(originMatches('https://a.com', 'https://a.com')).toBe(true);
    expect(originMatches('https://a.com', 'https://a.com.evil')).toBe(false);
    expect(originMatches('https://*.a.com', 'https://x.y.a.com')).toBe(true);
    expect(originMatches('https://*.a.com', 'https://a.com')).toBe(false);
    expect(originMatches('*', 'null')).toBe(true);
  });
});

describe('preflight: origin × method × headers', () => {
  it("answers the seed's example with the seed's headers", () => {
    expect(preflight(SEED_RULES, 'https://www.example1.com', 'GET', 'X-Auth-Token,Content-Type')).toEqual({
      outcome: 'allowed',
      headers: {
        'access-control-allow-origin': 'https://www.example1.com',
        'access-control-allow-methods': 'PUT, GET',
        'access-control-allow-headers': 'x-auth-token, content-type',
        'access-control-expose-headers': '',
        'access-control-max-age': '10',
        'access-control-allow-credentials': 'true',
        vary: 'Origin',
      },
    });
  });

  it.each([
    ['https://www.example1.com', 'DELETE', '', 403],
    ['https://www.example3.com', 'GET', '', 403],
    ['https://x.example2.com', 'DELETE', 'X-Auth-Token', 200],
    ['https://x.example2.com', 'DELETE', 'X-Auth-Token, Content-Type', 403],
    ['https://example2.com', 'GET', '', 403],
    ['https://www.example1.com', 'POST', '', 403],
  ])('%s %s [%s] → %i', (origin, method, headers, status) => {
    const answer = preflight(SEED_RULES, origin, method, headers);
    expect(answer.outcome === 'allowed' ? 200 : answer.status).toBe(status);
  });

  it("falls back to Swift's container metadata, then to the default policy", () => {
    const swift = access({
      swift_cors: { allow_origin: 'https://a.com https://b.com', expose_headers: null, max_age: '60' },
    });
    expect(preflight(swift, 'https://b.com', 'PUT', 'x-auth-token')).toMatchObject({
      outcome: 'allowed',
      headers: { 'access-control-allow-origin': 'https://b.com', 'access-control-max-age': '60' },
    });
    expect(preflight(swift, 'https://c.com', 'GET', '')).toMatchObject({ outcome: 'refused', status: 401 });
    expect(preflight(access(), 'https://a.com', 'GET', '')).toMatchObject({ outcome: 'refused', status: 403 });
    expect(preflight(undefined, 'https://a.com', 'GET', '')).toMatchObject({ outcome: 'refused', status: 403 });
  });
});

describe('actualRequest', () => {
  it('refuses what v1_ext rules do not allow, and adds the headers otherwise', () => {
    expect(actualRequest(SEED_RULES, 'https://www.example1.com', 'GET')).toMatchObject({
      outcome: 'allowed',
      headers: {
        'access-control-allow-origin': 'https://www.example1.com',
        'access-control-allow-credentials': 'true',
      },
    });
    expect(actualRequest(SEED_RULES, 'https://www.example1.com', 'DELETE')).toMatchObject({ status: 403 });
    expect(actualRequest(SEED_RULES, 'https://evil.com', 'GET')).toMatchObject({ status: 403 });
  });

  it("with Swift's metadata only, never refuses", () => {
    const swift = access({ swift_cors: { allow_origin: '*', expose_headers: 'etag', max_age: null } });
    expect(actualRequest(swift, 'https://x.com', 'GET').headers['access-control-allow-origin']).toBe('*');
    expect(actualRequest(access(), 'https://x.com', 'GET')).toEqual({ outcome: 'no-cors', headers: {} });
  });
});
