import { DomainError } from '@mp/contracts';
import { createHash } from 'node:crypto';
import { Agent as HttpAgent, ClientRequest, IncomingMessage, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { MAX_SOCKETS } from './s3-client.factory';
import { SigV4Presigner } from './sigv4-presigner';
import { StorageConfig } from './storage-config';

/** A stalled store fails the call instead of holding a worker slot forever. */
const IDLE_TIMEOUT_MS = 30_000;
const URL_LIFETIME_SECONDS = 60;

/**
 * Whole-object reads and small writes as single requests to locally presigned URLs over a
 * keep-alive agent. Written here rather than through the SDK because the SDK's per-request
 * middleware and stream wrappers cost image jobs about as much CPU as the transfer itself
 * (bench/results/image-ops-profiles.json); only these three shapes take this path, everything
 * else stays on the SDK.
 */
export class DirectObjectIo {
  private readonly presigner: SigV4Presigner;
  private readonly https: boolean;
  private readonly agent: HttpAgent | HttpsAgent;

  constructor(config: StorageConfig) {
    this.presigner = new SigV4Presigner({ ...config, publicEndpoint: config.endpoint });
    this.https = new URL(config.endpoint).protocol === 'https:';
    this.agent = this.https
      ? new HttpsAgent({ keepAlive: true, maxSockets: MAX_SOCKETS })
      : new HttpAgent({ keepAlive: true, maxSockets: MAX_SOCKETS });
  }

  /** The whole object; `PayloadTooLarge` from its size before the body is read. */
  async readAll(key: string, maxBytes: number): Promise<Buffer> {
    const response = await this.send('GET', key);
    if (response.statusCode !== 200) throw failure(key, response);
    const length = declaredLength(key, response);
    refuseOver(key, response, length, maxBytes);
    return readInto(key, response, length);
  }

  /**
   * The first `bytes` bytes (fewer for a shorter object) and the object's whole size, in one
   * ranged GET; `PayloadTooLarge` when the whole size passes `maxBytes`.
   */
  async readHead(key: string, bytes: number, maxBytes: number): Promise<{ bytes: Buffer; size: number }> {
    if (!Number.isSafeInteger(bytes) || bytes < 1) throw new RangeError('bytes must be a positive integer');
    const response = await this.send('GET', key, { range: `bytes=0-${bytes - 1}` });
    if (response.statusCode === 416) {
      response.resume();
      return { bytes: Buffer.alloc(0), size: 0 }; // no byte 0: an empty object
    }
    if (response.statusCode !== 206 && response.statusCode !== 200) throw failure(key, response);
    const length = declaredLength(key, response);
    const total = response.statusCode === 206 ? totalOf(key, response) : length;
    refuseOver(key, response, total, maxBytes);
    if (length > bytes) {
      // A store that ignored the range: read what was asked for, drop the rest of the connection.
      const head = await readInto(key, response, length, bytes);
      return { bytes: head, size: total };
    }
    return { bytes: await readInto(key, response, length), size: total };
  }

  /** Stores a buffer in one PutObject, its MD5 checked by the store; answers the ETag. */
  async writeAll(key: string, body: Buffer, contentType: string): Promise<string> {
    const response = await this.send(
      'PUT',
      key,
      {
        'content-type': contentType,
        'content-length': String(body.length),
        'content-md5': createHash('md5').update(body).digest('base64'),
      },
      body,
    );
    response.resume();
    if (response.statusCode !== 200) throw failure(key, response);
    return String(response.headers.etag ?? '').replace(/"/g, '');
  }

  destroy(): void {
    this.agent.destroy();
  }

  private send(
    method: 'GET' | 'PUT',
    key: string,
    headers: Record<string, string> = {},
    body?: Buffer,
  ): Promise<IncomingMessage> {
    const signedHeaders = method === 'PUT' ? { 'content-type': headers['content-type'] } : undefined;
    const url = this.presigner.presignUrl({ method, key, expiresInSeconds: URL_LIFETIME_SECONDS, signedHeaders });
    return new Promise((resolve, reject) => {
      const request: ClientRequest = (this.https ? httpsRequest : httpRequest)(
        url,
        { method, agent: this.agent, headers },
        resolve,
      );
      request.setTimeout(IDLE_TIMEOUT_MS, () => request.destroy(new Error('the store stopped answering')));
      request.on('error', (err) => reject(unavailable(key, err)));
      request.end(body);
    });
  }
}

function declaredLength(key: string, response: IncomingMessage): number {
  const length = Number(response.headers['content-length']);
  if (Number.isSafeInteger(length) && length >= 0) return length;
  response.destroy();
  throw unavailable(key, new Error('the store sent no Content-Length'));
}

function totalOf(key: string, response: IncomingMessage): number {
  const total = Number(/\/(\d+)$/.exec(String(response.headers['content-range'] ?? ''))?.[1]);
  if (Number.isSafeInteger(total)) return total;
  response.destroy();
  throw unavailable(key, new Error('the store sent no Content-Range total'));
}

function refuseOver(key: string, response: IncomingMessage, size: number, maxBytes: number): void {
  if (size <= maxBytes) return;
  response.destroy();
  throw new DomainError('PayloadTooLarge', `The object is larger than ${maxBytes} bytes`, { key, size });
}

/** The body into one buffer of the announced length (or its first `limit` bytes, then the response is dropped). */
async function readInto(key: string, response: IncomingMessage, length: number, limit = length): Promise<Buffer> {
  const body = Buffer.allocUnsafe(limit);
  let offset = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      if (offset + chunk.length > length) throw new Error('the store sent more bytes than announced');
      const take = Math.min(chunk.length, limit - offset);
      chunk.copy(body, offset, 0, take);
      offset += take;
      if (offset === limit && limit < length) {
        response.destroy();
        return body;
      }
    }
  } catch (err) {
    throw unavailable(key, err);
  }
  if (offset !== limit) throw unavailable(key, new Error(`the body ended after ${offset} of ${length} bytes`));
  return body;
}

function failure(key: string, response: IncomingMessage): DomainError {
  response.resume();
  if (response.statusCode === 404) return new DomainError('ObjectNotFound', 'Object not found', { key });
  return unavailable(key, new Error(`the store answered ${response.statusCode}`));
}

function unavailable(key: string, err: unknown): DomainError {
  const reason = err instanceof Error ? err.message : String(err);
  return new DomainError('DependencyUnavailable', `Object storage request failed: ${reason}`, { key });
}
