import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { SIGV4_ALGORITHM } from './sigv4-claim';

export interface CanonicalRequestParts {
  method: string;
  /** Already canonical (see `canonicalUriAndQuery` of @mp/storage). */
  uri: string;
  querystring: string;
  /** Lower-case names of the signed headers, in the order signed. */
  signedHeaders: string[];
  headers: Record<string, string | string[] | undefined>;
  payloadHash: string;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** The canonical request of SigV4: header values trimmed with inner runs of spaces folded; repeated headers joined by ",". */
export function canonicalRequest(parts: CanonicalRequestParts): string {
  const canonicalHeaders = parts.signedHeaders
    .map((name) => {
      const raw = parts.headers[name];
      const values = Array.isArray(raw) ? raw : raw === undefined ? [''] : [raw];
      return `${name}:${values.map((v) => v.trim().replace(/\s+/g, ' ')).join(',')}\n`;
    })
    .join('');
  return [
    parts.method,
    parts.uri,
    parts.querystring,
    canonicalHeaders,
    parts.signedHeaders.join(';'),
    parts.payloadHash,
  ].join('\n');
}

export function credentialScope(scopeDate: string, region: string, service: string): string {
  return `${scopeDate}/${region}/${service}/aws4_request`;
}

export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return [SIGV4_ALGORITHM, amzDate, scope, sha256Hex(canonical)].join('\n');
}

export function signingKey(secret: string, scopeDate: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, scopeDate), region), service), 'aws4_request');
}

export function signHex(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex signatures. */
export function signaturesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

export const EMPTY_SHA256 = sha256Hex('');

/** String to sign of one aws-chunked chunk (`STREAMING-AWS4-HMAC-SHA256-PAYLOAD`). */
export function chunkStringToSign(
  amzDate: string,
  scope: string,
  previousSignature: string,
  chunkSha256Hex: string,
): string {
  return [`${SIGV4_ALGORITHM}-PAYLOAD`, amzDate, scope, previousSignature, EMPTY_SHA256, chunkSha256Hex].join('\n');
}

/** String to sign of the trailing headers of a signed aws-chunked body. */
export function trailerStringToSign(
  amzDate: string,
  scope: string,
  previousSignature: string,
  trailer: string,
): string {
  return [`${SIGV4_ALGORITHM}-TRAILER`, amzDate, scope, previousSignature, sha256Hex(trailer)].join('\n');
}
