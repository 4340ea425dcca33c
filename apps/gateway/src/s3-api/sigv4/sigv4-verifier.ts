import { DomainError, Principal } from '@mp/contracts';
import { canonicalUriAndQuery } from '@mp/storage';
import type { IncomingMessage } from 'node:http';
import { amzDateTime, readSigV4Claim, SigV4Claim } from './sigv4-claim';
import { ChunkSigning } from './aws-chunked.decoder';
import { canonicalRequest, credentialScope, signaturesEqual, signHex, signingKey, stringToSign } from './sigv4-signing';

export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const STREAMING_SIGNED = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD';
const STREAMING_SIGNED_TRAILER = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER';
const STREAMING_UNSIGNED_TRAILER = 'STREAMING-UNSIGNED-PAYLOAD-TRAILER';

/** How the body of a verified request is to be read and checked. */
export type PayloadMode =
  { kind: 'unsigned' } | { kind: 'sha256'; hash: string } | { kind: 'aws-chunked'; signing?: ChunkSigning };

export interface VerifiedRequest {
  principal: Principal;
  payload: PayloadMode;
}

export interface VerifierSettings {
  region: string;
  maxSkewSeconds: number;
  resolve: (accessKeyId: string) => Promise<{ secret_access_key: string; principal: Principal }>;
  now?: () => number;
}

const denied = (message: string) => new DomainError('Forbidden', message);

/**
 * Verifies the SigV4 signature of a request (Authorization header or presigned query) against
 * the secret of its access key id: scope, region, clock skew or expiry, and the signature over the
 * canonical request as sent. The body is not read here; `payload` says how to check it.
 */
export async function verifySigV4(raw: IncomingMessage, settings: VerifierSettings): Promise<VerifiedRequest> {
  const url = raw.url ?? '/';
  const query = new URL(url, 'http://placeholder').searchParams;
  const claim = readSigV4Claim(raw.headers, query);
  if (!claim) throw new DomainError('Forbidden', 'Anonymous requests are not allowed: sign the request (SigV4).');
  const presigned = claim.expiresInSeconds !== undefined;
  checkScope(claim, settings.region);
  checkTime(claim, settings);
  const credentials = await settings.resolve(claim.accessKeyId);
  const payloadHeader = headerValue(raw.headers['x-amz-content-sha256']);
  const payloadHash = presigned ? (payloadHeader ?? UNSIGNED_PAYLOAD) : payloadHeader;
  if (payloadHash === undefined) {
    throw new DomainError('ValidationFailed', 'Missing required header for this request: x-amz-content-sha256', {
      s3_code: 'InvalidRequest',
    });
  }
  const { uri, querystring } = canonicalUriAndQuery(url);
  const canonical = canonicalRequest({
    method: raw.method ?? 'GET',
    uri,
    querystring,
    signedHeaders: claim.signedHeaders,
    headers: raw.headers,
    payloadHash,
  });
  const scope = credentialScope(claim.scopeDate, claim.region, claim.service);
  const key = signingKey(credentials.secret_access_key, claim.scopeDate, claim.region, claim.service);
  const expected = signHex(key, stringToSign(claim.amzDate, scope, canonical));
  if (!signaturesEqual(expected, claim.signature.toLowerCase())) {
    throw new DomainError(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      { access_key_id: claim.accessKeyId },
    );
  }
  return {
    principal: credentials.principal,
    payload: payloadMode(payloadHash, { key, amzDate: claim.amzDate, scope, seedSignature: expected }),
  };
}

function payloadMode(payloadHash: string, signing: ChunkSigning): PayloadMode {
  if (payloadHash === UNSIGNED_PAYLOAD) return { kind: 'unsigned' };
  if (payloadHash === STREAMING_SIGNED || payloadHash === STREAMING_SIGNED_TRAILER)
    return { kind: 'aws-chunked', signing };
  if (payloadHash === STREAMING_UNSIGNED_TRAILER) return { kind: 'aws-chunked' };
  if (/^[0-9a-fA-F]{64}$/.test(payloadHash)) return { kind: 'sha256', hash: payloadHash.toLowerCase() };
  throw new DomainError(
    'ValidationFailed',
    'x-amz-content-sha256 must be a SHA-256 in hex or a supported payload mode.',
    {
      s3_code: 'InvalidArgument',
    },
  );
}

function checkScope(claim: SigV4Claim, region: string): void {
  if (claim.service !== 's3') {
    throw new DomainError('AuthorizationHeaderMalformed', `The service '${claim.service}' is wrong; expecting 's3'.`);
  }
  if (claim.region !== region) {
    throw new DomainError(
      'AuthorizationHeaderMalformed',
      `The authorization header is malformed; the region '${claim.region}' is wrong; expecting '${region}'.`,
      { region },
    );
  }
  if (claim.scopeDate !== claim.amzDate.slice(0, 8)) {
    throw new DomainError('AuthorizationHeaderMalformed', 'The credential date does not match X-Amz-Date.');
  }
}

function checkTime(claim: SigV4Claim, settings: VerifierSettings): void {
  const now = (settings.now ?? Date.now)();
  const signedAt = amzDateTime(claim.amzDate);
  if (!Number.isFinite(signedAt))
    throw new DomainError('AuthorizationHeaderMalformed', 'X-Amz-Date is not a valid time.');
  const skewMs = settings.maxSkewSeconds * 1000;
  if (claim.expiresInSeconds !== undefined) {
    if (signedAt - now > skewMs) throw denied('Request is not yet valid.');
    if (now > signedAt + claim.expiresInSeconds * 1000) throw denied('Request has expired.');
    return;
  }
  if (Math.abs(now - signedAt) > skewMs) {
    throw new DomainError(
      'RequestTimeTooSkewed',
      'The difference between the request time and the current time is too large.',
      { request_time: claim.amzDate, server_time: new Date(now).toISOString() },
    );
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
