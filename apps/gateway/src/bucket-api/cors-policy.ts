import type { ContainerAccess, CorsRule } from '@mp/contracts';

export interface CorsAnswer {
  /** `allowed`: answer with `headers`; `refused`: 403 (v1_ext rules) or 401 (Swift's metadata, as Swift does). */
  outcome: 'allowed' | 'refused' | 'no-cors';
  status?: number;
  headers: Record<string, string>;
}

const SWIFT_METHODS = 'HEAD, GET, PUT, POST, COPY, OPTIONS, DELETE';
const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** An allowed origin holds at most one `*`, which stands for any run of characters. */
export function originMatches(pattern: string, origin: string): boolean {
  if (pattern === '*') return true;
  return new RegExp(`^${pattern.split('*').map(escape).join('.*')}$`, 'i').test(origin);
}

const requestedHeaders = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== '');

function ruleFor(rules: CorsRule[], origin: string, method: string, headers: string[]): CorsRule | undefined {
  return rules.find(
    (r) =>
      r.allowed_origins.some((o) => originMatches(o, origin)) &&
      (r.allowed_methods as string[]).includes(method.toUpperCase()) &&
      headers.every((h) => r.allowed_headers.some((a) => a === '*' || a.toLowerCase() === h)),
  );
}

const swiftOrigins = (access: ContainerAccess) =>
  (access.swift_cors.allow_origin ?? '').split(/\s+/).filter((o) => o !== '');

/**
 * A CORS preflight of a container or object: the bucket's v1_ext rules when it has any (the first
 * rule allowing origin, method and every requested header wins, else 403); else Swift's own CORS
 * metadata (`X-Container-Meta-Access-Control-Allow-Origin`, else 401 as Swift answers); else the
 * default policy, which allows no external origin (403).
 */
export function preflight(
  access: ContainerAccess | undefined,
  origin: string,
  method: string,
  requestHeaders: string | undefined,
): CorsAnswer {
  const headers = requestedHeaders(requestHeaders);
  if (access && access.cors.length > 0) {
    const rule = ruleFor(access.cors, origin, method, headers);
    if (!rule) return { outcome: 'refused', status: 403, headers: { vary: 'Origin' } };
    return {
      outcome: 'allowed',
      headers: {
        'access-control-allow-origin': origin,
        'access-control-allow-methods': rule.allowed_methods.join(', '),
        'access-control-allow-headers': rule.allowed_headers.includes('*')
          ? headers.length > 0
            ? headers.join(', ')
            : '*'
          : rule.allowed_headers.join(', '),
        'access-control-expose-headers': rule.expose_headers.join(', '),
        'access-control-max-age': String(rule.max_age_seconds),
        'access-control-allow-credentials': 'true',
        vary: 'Origin',
      },
    };
  }
  const allowed = access ? swiftOrigins(access) : [];
  if (allowed.length > 0) {
    if (!allowed.some((o) => o === '*' || o === origin)) return { outcome: 'refused', status: 401, headers: {} };
    return {
      outcome: 'allowed',
      headers: {
        'access-control-allow-origin': allowed.includes('*') ? '*' : origin,
        'access-control-allow-methods': SWIFT_METHODS,
        'access-control-allow-headers': headers.join(', '),
        ...(access?.swift_cors.max_age ? { 'access-control-max-age': access.swift_cors.max_age } : {}),
        vary: 'Origin',
      },
    };
  }
  return { outcome: 'refused', status: 403, headers: { vary: 'Origin' } };
}

/**
 * A request with an `Origin` (not a preflight): with v1_ext rules, an origin/method no rule allows
 * is refused (403) and an allowed one gets the CORS headers; with Swift's metadata only, allowed
 * origins get the headers and others none (Swift does not refuse them); without either, nothing.
 */
export function actualRequest(access: ContainerAccess, origin: string, method: string): CorsAnswer {
  if (access.cors.length > 0) {
    const rule = ruleFor(access.cors, origin, method === 'HEAD' ? 'HEAD' : method, []);
    if (!rule) return { outcome: 'refused', status: 403, headers: { vary: 'Origin' } };
    return {
      outcome: 'allowed',
      headers: {
        'access-control-allow-origin': origin,
        'access-control-allow-credentials': 'true',
        'access-control-expose-headers': rule.expose_headers.join(', '),
        vary: 'Origin',
      },
    };
  }
  const allowed = swiftOrigins(access);
  if (allowed.some((o) => o === '*' || o === origin)) {
    return {
      outcome: 'allowed',
      headers: {
        'access-control-allow-origin': allowed.includes('*') ? '*' : origin,
        ...(access.swift_cors.expose_headers
          ? { 'access-control-expose-headers': access.swift_cors.expose_headers }
          : {}),
        vary: 'Origin',
      },
    };
  }
  return { outcome: 'no-cors', headers: {} };
}
