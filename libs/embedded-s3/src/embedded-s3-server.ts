import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { mkdir } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { CORS_ALLOW_ALL, S3EventRecord, STORED_FILE_SAFETY_HEADERS, canonicalUriAndQuery } from '@mp/storage';
import { AtomicObjectWrites } from './atomic-object-writes';
import { corsConfigurationXml } from './cors-configuration-xml';
import { parseFormFieldsPrefix } from './form-fields.parser';
import { DirectoryPruneGuard } from './directory-prune.guard';
import { installLargeReadChunks } from './large-read-chunks';
import { installBucketStateCache } from './bucket-state-cache';
import { ObjectEventFeed } from './object-event.feed';
import { verifyPostPolicy } from './post-policy.verifier';
import { readRequestPrefix, replayRequest } from './replayed-request';
import { requestContext } from './request-context';
import { gateRequest } from './request.gate';
import { sendS3Error } from './s3-error.response';
import { checkSignaturesAsSent, createS3rver, registerAccessKey, S3rverApp } from './s3rver.adapter';
import { normalizeForS3rver } from './s3rver-request.normalizer';
import { correctXmlEscaping } from './xml-escaping.fix';

export interface EmbeddedS3ServerOptions {
  /** Interface to listen on; 127.0.0.1 by default. */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  /** Buckets are stored as directories under it (created if absent). */
  directory: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Created if absent, each with a CORS rule letting browsers POST/PUT/GET from any origin. */
  buckets: string[];
  /**
   * Object events as S3 notification records, one at a time in store order. The request that
   * caused an event is answered without waiting for the callback.
   */
  onEvent?: (record: S3EventRecord) => void | Promise<void>;
  /** A throwing `onEvent`; a process warning by default. The record is not retried. */
  onEventError?: (error: unknown, record: S3EventRecord) => void;
}

/** Form fields before `file` beyond this are refused, as S3 does (it allows 20 KB of policy). */
const FORM_FIELDS_LIMIT = 64 * 1024;

/**
 * An S3-compatible server on disk (s3rver) for development and tests. Buckets are private: every
 * request must be SigV4-signed or a browser-form upload whose POST policy signature, expiry and
 * `eq`/`starts-with` conditions hold (`content-length-range` is not enforced).
 */
export class EmbeddedS3Server {
  private stopping?: Promise<void>;

  private constructor(
    private readonly server: Server,
    private readonly events: ObjectEventFeed,
    /** `http://host:port`, for clients on this machine. */
    readonly endpoint: string,
    readonly port: number,
  ) {}

  static async start(options: EmbeddedS3ServerOptions): Promise<EmbeddedS3Server> {
    await mkdir(options.directory, { recursive: true });
    registerAccessKey(options.accessKeyId, options.secretAccessKey);
    checkSignaturesAsSent();
    const s3rver = createS3rver({
      directory: options.directory,
      silent: true,
      vhostBuckets: false,
      configureBuckets: options.buckets.map((name) => ({ name, configs: [corsConfigurationXml(CORS_ALLOW_ALL)] })),
    });
    await s3rver.configureBuckets();
    // Failed requests are already answered with S3 XML errors; without a listener Koa also prints them.
    s3rver.on('error', () => undefined);
    installBucketStateCache(s3rver.store);
    installLargeReadChunks(s3rver.store); // before the atomic writes, which serialise reads with writes
    const atomicWrites = AtomicObjectWrites.install(s3rver.store); // the guard below wraps its writes
    DirectoryPruneGuard.install(s3rver.store); // before the event feed wraps deleteObject
    atomicWrites.serializeDeletes();
    const events = new ObjectEventFeed(s3rver, {
      onEvent: options.onEvent ?? (() => undefined),
      onError: options.onEventError ?? warnEventFailure,
    });
    const secrets = new Map([[options.accessKeyId, options.secretAccessKey]]);
    const serve = requestHandler(s3rver, (accessKeyId) => secrets.get(accessKeyId));
    const server = createServer((req, res) => {
      serve(req, res).catch((err: unknown) => {
        if (res.headersSent) res.destroy();
        else
          sendS3Error(req, res, {
            status: 500,
            code: 'InternalError',
            message: err instanceof Error ? err.message : String(err),
          });
      });
    });
    const host = options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const port = (server.address() as AddressInfo).port;
    return new EmbeddedS3Server(server, events, `http://${connectableHost(host)}:${port}`, port);
  }

  /** Stops listening, drops open connections and waits for pending event deliveries. Idempotent. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
      this.server.closeAllConnections();
      await closed;
      await this.events.drain();
    })();
    return this.stopping;
  }
}

function requestHandler(s3rver: S3rverApp, secretFor: (accessKeyId: string) => string | undefined) {
  const handle = s3rver.callback();
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://embedded-s3');
    const gate = gateRequest(req, url);
    let request = req;
    if (gate.kind === 'anonymous') {
      return sendS3Error(req, res, {
        status: 403,
        code: 'AccessDenied',
        message: 'Access Denied: the request is not signed',
      });
    }
    if (gate.kind === 'form-upload') {
      const prefix = await readRequestPrefix(req, {
        limit: FORM_FIELDS_LIMIT,
        enough: (bytes) => parseFormFieldsPrefix(bytes, gate.boundary).complete,
      });
      const { fields, complete } = parseFormFieldsPrefix(prefix, gate.boundary);
      const rejection = !complete
        ? prefix.length >= FORM_FIELDS_LIMIT
          ? {
              status: 400,
              code: 'MaxPostPreDataLengthExceeded',
              message: 'Your POST request fields preceding the upload file were too large.',
            }
          : {
              status: 400,
              code: 'MalformedPOSTRequest',
              message: 'The body of your POST request is not well-formed multipart/form-data.',
            }
        : verifyPostPolicy({ fields, bucket: gate.bucket, now: new Date(), secretFor });
      if (rejection) {
        req.resume(); // discard the file so the connection stays usable
        return sendS3Error(req, res, rejection);
      }
      request = replayRequest(req, prefix);
    }
    const { uri, querystring } = canonicalUriAndQuery(req.url ?? '/');
    const headers = await normalizeForS3rver(req, url, s3rver.store);
    correctXmlEscaping(res);
    // A stored page must never run as a page of this origin (a CDN's response-headers policy in production).
    if (req.method === 'GET' || req.method === 'HEAD') {
      for (const [name, value] of Object.entries(STORED_FILE_SAFETY_HEADERS)) res.setHeader(name, value);
    }
    const ifMatch = req.headers['x-amz-copy-source-if-match'];
    const context = {
      method: req.method ?? 'GET',
      query: url.searchParams,
      signed: { uri, querystring, headers },
      copySourceIfMatch: typeof ifMatch === 'string' ? ifMatch : undefined,
    };
    await requestContext.run(context, () => handle(request, res));
  };
}

/** Where a client on this machine reaches a server listening on `host`. */
function connectableHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

function warnEventFailure(error: unknown, record: S3EventRecord): void {
  const reason = error instanceof Error ? error.message : String(error);
  process.emitWarning(
    `onEvent failed for ${record.eventName} ${record.s3.bucket.name}/${record.s3.object.key}: ${reason}`,
    'EmbeddedS3EventWarning',
  );
}
