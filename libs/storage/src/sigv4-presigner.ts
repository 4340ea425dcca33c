import { createHash, createHmac } from 'node:crypto';
import { encodeRfc3986 } from './rfc3986';
import { StorageConfig } from './storage-config';

const ALGORITHM = 'AWS4-HMAC-SHA256';
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

export interface PresignRequest {
  method: 'GET' | 'PUT';
  key: string;
  expiresInSeconds: number;
  /** Headers the client must send exactly (lower-case names); `host` is always signed. */
  signedHeaders?: Record<string, string>;
  /** Extra query parameters (e.g. `response-content-disposition`), signed with the rest. */
  query?: Record<string, string>;
  now?: Date;
}

export type PostCondition = [string, ...(string | number)[]] | Record<string, string>;

/**
 * AWS Signature Version 4 for presigned URLs and browser POST policies, computed locally: the
 * SDK's presigners run a full middleware stack per URL, which dominated the cost of an
 * upload-url request. The signing key is derived once per day.
 */
export class SigV4Presigner {
  private signingKey?: { date: string; key: Buffer };
  private readonly origin: URL;

  constructor(
    private readonly config: Pick<
      StorageConfig,
      'publicEndpoint' | 'region' | 'accessKeyId' | 'secretAccessKey' | 'sessionToken' | 'bucket' | 'forcePathStyle'
    >,
  ) {
    this.origin = new URL(config.publicEndpoint);
  }

  /** Where the bucket is addressed: `endpoint/bucket` (path style) or `bucket.endpoint`. */
  bucketUrl(): URL {
    const url = new URL(this.origin.href);
    if (this.config.forcePathStyle) url.pathname = `${url.pathname.replace(/\/$/, '')}/${this.config.bucket}`;
    else url.hostname = `${this.config.bucket}.${url.hostname}`;
    return url;
  }

  /** The object key a URL into this bucket names (presigned or not, query ignored); undefined for any other URL. */
  objectKeyOf(url: string): string | undefined {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return undefined;
    }
    const base = this.bucketUrl();
    const root = `${base.pathname.replace(/\/$/, '')}/`;
    if (parsed.protocol !== base.protocol || parsed.host !== base.host || !parsed.pathname.startsWith(root))
      return undefined;
    try {
      const key = parsed.pathname.slice(root.length).split('/').map(decodeURIComponent).join('/');
      return key === '' ? undefined : key;
    } catch {
      return undefined;
    }
  }

  presignUrl(request: PresignRequest): string {
    const { amzDate, date } = timestamps(request.now ?? new Date());
    const base = this.bucketUrl();
    const path = `${base.pathname.replace(/\/$/, '')}/${request.key.split('/').map(encodeRfc3986).join('/')}`;
    const headers: Record<string, string> = { host: base.host, ...request.signedHeaders };
    const headerNames = Object.keys(headers)
      .map((h) => h.toLowerCase())
      .sort();
    const params: Record<string, string> = {
      'X-Amz-Algorithm': ALGORITHM,
      'X-Amz-Credential': `${this.config.accessKeyId}/${this.scope(date)}`,
      'X-Amz-Date': amzDate,
      'X-Amz-Expires': String(request.expiresInSeconds),
      'X-Amz-SignedHeaders': headerNames.join(';'),
      ...(this.config.sessionToken && { 'X-Amz-Security-Token': this.config.sessionToken }),
      ...request.query,
    };
    const query = Object.entries(params)
      .map(([name, value]) => [encodeRfc3986(name), encodeRfc3986(value)] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, value]) => `${name}=${value}`)
      .join('&');
    const lowered = Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value.trim()]),
    );
    const canonicalHeaders = headerNames.map((name) => `${name}:${lowered[name]}\n`).join('');
    const canonicalRequest = [
      request.method,
      path,
      query,
      canonicalHeaders,
      headerNames.join(';'),
      UNSIGNED_PAYLOAD,
    ].join('\n');
    const stringToSign = [ALGORITHM, amzDate, this.scope(date), sha256Hex(canonicalRequest)].join('\n');
    const signature = createHmac('sha256', this.key(date)).update(stringToSign).digest('hex');
    return `${base.protocol}//${base.host}${path}?${query}&X-Amz-Signature=${signature}`;
  }

  /** Form fields of a browser POST upload; the caller's conditions go before the signing ones. */
  presignPost(
    conditions: PostCondition[],
    expiresInSeconds: number,
    now = new Date(),
  ): { url: string; fields: Record<string, string> } {
    const { amzDate, date } = timestamps(now);
    const credential = `${this.config.accessKeyId}/${this.scope(date)}`;
    const signing: Record<string, string> = {
      'X-Amz-Algorithm': ALGORITHM,
      'X-Amz-Credential': credential,
      'X-Amz-Date': amzDate,
      ...(this.config.sessionToken && { 'X-Amz-Security-Token': this.config.sessionToken }),
    };
    const policy = {
      expiration: new Date(now.getTime() + expiresInSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      conditions: [
        ...conditions,
        { bucket: this.config.bucket },
        ...Object.entries(signing).map(([name, value]) => ({ [name]: value })),
      ],
    };
    const encoded = Buffer.from(JSON.stringify(policy)).toString('base64');
    const signature = createHmac('sha256', this.key(date)).update(encoded).digest('hex');
    return {
      url: this.bucketUrl().href.replace(/\/$/, ''),
      fields: { ...signing, Policy: encoded, 'X-Amz-Signature': signature },
    };
  }

  private scope(date: string): string {
    return `${date}/${this.config.region}/s3/aws4_request`;
  }

  private key(date: string): Buffer {
    if (this.signingKey?.date !== date) {
      const dateKey = hmac(`AWS4${this.config.secretAccessKey}`, date);
      this.signingKey = { date, key: hmac(hmac(hmac(dateKey, this.config.region), 's3'), 'aws4_request') };
    }
    return this.signingKey.key;
  }
}

function timestamps(now: Date): { amzDate: string; date: string } {
  const amzDate = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return { amzDate, date: amzDate.slice(0, 8) };
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

function sha256Hex(data: string): string {
  return createHash('sha256').update(data).digest('hex');
}
