import { DomainError } from '@mp/contracts';
import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { signaturesEqual } from './sigv4-signing';
import type { VerifiedRequest, VerifierSettings } from './sigv4-verifier';

/** Longest validity we accept, as for SigV4 presigned URLs (7 days). */
const MAX_VALIDITY_SECONDS = 7 * 24 * 3600;

/** Query parameters that are part of the signed resource (S3's sub-resources and response overrides). */
const SIGNED_SUBRESOURCES = new Set([
  'acl',
  'location',
  'partNumber',
  'response-cache-control',
  'response-content-disposition',
  'response-content-encoding',
  'response-content-language',
  'response-content-type',
  'response-expires',
  'tagging',
  'torrent',
  'uploadId',
  'uploads',
  'versionId',
]);

const denied = (message: string) => new DomainError('Forbidden', message);

export function isSigV2Query(query: URLSearchParams): boolean {
  return query.has('AWSAccessKeyId') && query.has('Signature') && query.has('Expires');
}

/**
 * Query-string authentication of Signature Version 2 (HMAC-SHA1 over method, Content-MD5,
 * Content-Type, Expires, `x-amz-*` headers and the resource): what `aws s3 presign` of the AWS CLI v1
 * (and older SDKs) write for us-east-1, so the seed's `presign` then a plain GET works with them too. Presigned reads (GET,
 * HEAD) only; every other request needs SigV4. No library verifies it server-side; the string to
 * sign is S3's published definition. botocore signs `/bucket/key` without the endpoint's own path
 * (`/s3-api`); a client signing the whole path is accepted too.
 */
export async function verifySigV2Query(
  raw: IncomingMessage,
  query: URLSearchParams,
  prefix: string,
  settings: VerifierSettings,
): Promise<VerifiedRequest> {
  const method = raw.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    throw denied('Signature Version 2 is accepted for presigned GET and HEAD only; sign other requests with SigV4.');
  }
  const expires = Number(query.get('Expires'));
  if (!Number.isSafeInteger(expires))
    throw new DomainError('AuthorizationHeaderMalformed', 'Expires must be a Unix time.');
  const now = Math.floor((settings.now ?? Date.now)() / 1000);
  if (now > expires) throw denied('Request has expired.');
  if (expires - now > MAX_VALIDITY_SECONDS) throw denied('Expires is more than 7 days ahead.');
  const credentials = await settings.resolve(query.get('AWSAccessKeyId')!);
  const path = (raw.url ?? '/').split('?')[0];
  const resources = path.startsWith(`${prefix}/`) ? [path.slice(prefix.length), path] : [path];
  const given = query.get('Signature')!;
  const matches = resources.some((resource) => {
    const expected = createHmac('sha1', credentials.secret_access_key)
      .update(stringToSign(raw, method, String(expires), resource + signedSubresources(query)))
      .digest('base64');
    return signaturesEqual(expected, given);
  });
  if (!matches) {
    throw new DomainError(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    );
  }
  return { principal: credentials.principal, payload: { kind: 'unsigned' } };
}

function stringToSign(raw: IncomingMessage, method: string, expires: string, resource: string): string {
  const header = (name: string) => {
    const value = raw.headers[name];
    return (Array.isArray(value) ? value.join(',') : (value ?? '')).trim();
  };
  const amz = Object.keys(raw.headers)
    .map((name) => name.toLowerCase())
    .filter((name) => name.startsWith('x-amz-'))
    .sort()
    .map((name) => `${name}:${header(name)}\n`)
    .join('');
  return `${method}\n${header('content-md5')}\n${header('content-type')}\n${expires}\n${amz}${resource}`;
}

function signedSubresources(query: URLSearchParams): string {
  const signed = [...query.entries()]
    .filter(([name]) => SIGNED_SUBRESOURCES.has(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => (value === '' ? name : `${name}=${value}`));
  return signed.length ? `?${signed.join('&')}` : '';
}
