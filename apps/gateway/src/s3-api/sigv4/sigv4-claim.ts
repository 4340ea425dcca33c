import { DomainError } from '@mp/contracts';

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';
/** Longest validity of a presigned URL (7 days), as S3 allows. */
const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

/** What a request claims about its signature, from the Authorization header or a presigned query. */
export interface SigV4Claim {
  accessKeyId: string;
  /** `YYYYMMDD` of the credential scope. */
  scopeDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  /** `YYYYMMDD'T'HHMMSS'Z'` the request was signed at. */
  amzDate: string;
  /** Presigned URLs only: seconds the URL is valid from `amzDate`. */
  expiresInSeconds?: number;
}

const malformed = (message: string) => new DomainError('AuthorizationHeaderMalformed', message);

/** The claim of a request, from its Authorization header or its `X-Amz-*` query; null when it carries neither. */
export function readSigV4Claim(
  headers: Record<string, string | string[] | undefined>,
  query: URLSearchParams,
): SigV4Claim | null {
  const authorization = headers.authorization;
  if (typeof authorization === 'string' && authorization.trim() !== '') {
    return headerClaim(authorization, single(headers['x-amz-date']) ?? single(headers.date));
  }
  if (query.has('X-Amz-Algorithm') || query.has('X-Amz-Signature')) return queryClaim(query);
  return null;
}

function headerClaim(authorization: string, amzDate: string | undefined): SigV4Claim {
  const match = /^(\S+)\s+(.*)$/s.exec(authorization.trim());
  if (!match || match[1] !== SIGV4_ALGORITHM) {
    throw malformed(
      `The authorization header is malformed; only ${SIGV4_ALGORITHM} (Signature Version 4) is supported.`,
    );
  }
  const fields = new Map<string, string>();
  for (const part of match[2].split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential || !signedHeaders || !signature) {
    throw malformed('The authorization header is malformed; it needs Credential, SignedHeaders and Signature.');
  }
  if (!amzDate) throw malformed('The request must carry an X-Amz-Date header.');
  return {
    ...scopeOf(credential),
    signedHeaders: signedHeaderList(signedHeaders),
    signature,
    amzDate: toAmzDate(amzDate),
  };
}

function queryClaim(query: URLSearchParams): SigV4Claim {
  if (query.get('X-Amz-Algorithm') !== SIGV4_ALGORITHM) {
    throw malformed(`X-Amz-Algorithm must be ${SIGV4_ALGORITHM}.`);
  }
  const credential = query.get('X-Amz-Credential');
  const signedHeaders = query.get('X-Amz-SignedHeaders');
  const signature = query.get('X-Amz-Signature');
  const amzDate = query.get('X-Amz-Date');
  const expires = query.get('X-Amz-Expires');
  if (!credential || !signedHeaders || !signature || !amzDate || !expires) {
    throw malformed(
      'A presigned URL needs X-Amz-Credential, X-Amz-Date, X-Amz-Expires, X-Amz-SignedHeaders and X-Amz-Signature.',
    );
  }
  if (!/^\d{1,7}$/.test(expires) || Number(expires) < 1 || Number(expires) > MAX_PRESIGN_SECONDS) {
    throw malformed(`X-Amz-Expires must be a number of seconds from 1 to ${MAX_PRESIGN_SECONDS}.`);
  }
  return {
    ...scopeOf(credential),
    signedHeaders: signedHeaderList(signedHeaders),
    signature,
    amzDate: toAmzDate(amzDate),
    expiresInSeconds: Number(expires),
  };
}

/** `AKID/20130524/us-east-1/s3/aws4_request`. */
function scopeOf(credential: string): Pick<SigV4Claim, 'accessKeyId' | 'scopeDate' | 'region' | 'service'> {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request' || !/^\d{8}$/.test(parts[1]) || !parts[0] || !parts[2]) {
    throw malformed('The Credential is malformed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".');
  }
  return { accessKeyId: parts[0], scopeDate: parts[1], region: parts[2], service: parts[3] };
}

function signedHeaderList(value: string): string[] {
  const names = value.split(';');
  if (names.some((n) => !/^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(n)) || !names.includes('host')) {
    throw malformed('SignedHeaders must be lower-case header names separated by ";" and include host.');
  }
  return names;
}

/** Accepts the basic ISO 8601 form SigV4 uses; anything else is malformed. */
function toAmzDate(value: string): string {
  if (!/^\d{8}T\d{6}Z$/.test(value)) throw malformed('X-Amz-Date must be in the form YYYYMMDDTHHMMSSZ.');
  return value;
}

/** The time of an X-Amz-Date. */
export function amzDateTime(amzDate: string): number {
  const iso = `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`;
  return Date.parse(iso);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
