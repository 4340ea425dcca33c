import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DomainError, Principal } from '@mp/contracts';
import { APP_CONFIG, LOGGER } from '@mp/platform';
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DialectRouteConfig } from '../dialects/dialect-definition';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { discardRestOfBody } from '../http/request-body';
import { KeySpace } from '../s3-proxy/s3-object-key';
import { toDomainError } from '../errors/to-domain-error';
import { RateLimitEnforcer } from '../rate-limit/rate-limit.enforcer';
import type { RateLimitConfig } from '../rate-limit/rate-limit.config';
import { S3_API_PREFIX, S3ApiConfig } from './s3-api.config';
import { S3_API_DIALECT } from './s3-api.dialect';
import { bucketOf, looksLikeKeyBucket } from './s3-bucket-name';
import { virtualHostBucket } from './s3-virtual-host';
import { S3BucketOperations } from './s3-bucket-operations.service';
import { renderS3Error } from './s3-error.xml';
import { S3MultipartOperations } from './s3-multipart-operations.service';
import { S3ObjectOperations } from './s3-object-operations.service';
import { header, parseS3Target, S3ObjectContext, S3RequestContext } from './s3-request.context';
import { S3CredentialResolver } from './sigv4/s3-credential-resolver';
import { isSigV2Query, verifySigV2Query } from './sigv4/sigv2-query';
import { VerifiedRequest, verifySigV4 } from './sigv4/sigv4-verifier';

/** Subresources of S3 this endpoint does not serve: answered NotImplemented rather than misread as a listing or a GET. */
const UNSUPPORTED_SUBRESOURCES = [
  'acl',
  'accelerate',
  'analytics',
  'attributes',
  'cors',
  'encryption',
  'intelligent-tiering',
  'inventory',
  'legal-hold',
  'lifecycle',
  'logging',
  'metrics',
  'notification',
  'object-lock',
  'ownershipControls',
  'policy',
  'policyStatus',
  'publicAccessBlock',
  'replication',
  'requestPayment',
  'restore',
  'retention',
  'select',
  'tagging',
  'torrent',
  'versioning',
  'versionId',
  'versions',
  'website',
];

const notImplemented = (what: string) =>
  new DomainError(
    'NotImplemented',
    `A header or query you provided implies functionality that is not implemented (${what}).`,
  );

/**
 * The S3 protocol, path-style under `/s3-api`: `/s3-api/{bucket}/{key}` with SigV4 (or virtual-hosted
 * style, `{bucket}.{S3_API_VIRTUAL_HOST_BASE}/s3-api/{key}`, when that is set). Registered as
 * its own Fastify context so that no body parser of the other dialects reads an object's bytes
 * (a PutObject of JSON or text stays a stream); every error is S3 XML, never a 500 page.
 */
@Injectable()
export class S3ApiRouter implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly credentials: S3CredentialResolver,
    private readonly buckets: S3BucketOperations,
    private readonly objects: S3ObjectOperations,
    private readonly multipart: S3MultipartOperations,
    private readonly rateLimit: RateLimitEnforcer,
    @Inject(APP_CONFIG) private readonly config: S3ApiConfig & RateLimitConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    void fastify.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
      const handler = (request: FastifyRequest, reply: FastifyReply) => this.serve(request, reply);
      const method = ['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS'];
      // Read back by the error handlers, as for the routes of Nest controllers (see @Dialect).
      const dialect: DialectRouteConfig = { dialect: S3_API_DIALECT.id };
      const config = dialect as FastifyContextConfig;
      scope.route({ method, url: S3_API_PREFIX, handler, exposeHeadRoute: false, config });
      scope.route({ method, url: `${S3_API_PREFIX}/*`, handler, exposeHeadRoute: false, config });
    });
  }

  private async serve(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const requestId = randomUUID();
    void reply.header('x-amz-request-id', requestId);
    try {
      await this.dispatch(request, reply);
    } catch (err) {
      await this.fail(request, reply, err);
    }
  }

  private async dispatch(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const virtualBucket = virtualHostBucket(request.headers.host, this.config.S3_API_VIRTUAL_HOST_BASE);
    const target = parseS3Target(request.raw.url ?? '/', virtualBucket);
    const verified = await this.verify(request);
    await this.throttle(verified.principal, reply);
    const method = request.method;
    if (target.bucket === undefined) {
      if (method === 'GET') return this.buckets.listBuckets(verified.principal, reply);
      throw notImplemented(`${method} on the service`);
    }
    const own = bucketOf(verified.principal);
    if (target.bucket !== own) {
      if (looksLikeKeyBucket(target.bucket)) throw new DomainError('Forbidden', 'Access Denied');
      throw new DomainError('NoSuchBucket', 'The specified bucket does not exist', { bucket: target.bucket });
    }
    const query = new URL(request.raw.url ?? '/', 'http://placeholder').searchParams;
    const unsupported = UNSUPPORTED_SUBRESOURCES.find((name) => query.has(name));
    if (unsupported) throw notImplemented(`?${unsupported}`);
    const ctx: S3RequestContext = {
      request,
      reply,
      principal: verified.principal,
      payload: verified.payload,
      query,
      space: new KeySpace(verified.principal),
      bucket: own,
    };
    if (target.key === undefined) return this.bucketLevel(ctx, method);
    return this.objectLevel({ ...ctx, key: target.key }, method);
  }

  /** SigV4 (header or presigned query), or the SigV2 presigned GET the AWS CLI v1 still writes. */
  private verify(request: FastifyRequest): Promise<VerifiedRequest> {
    const settings = {
      region: this.config.S3_API_REGION,
      maxSkewSeconds: this.config.S3_API_MAX_CLOCK_SKEW_SECONDS,
      resolve: (id: string) => this.credentials.resolve(id),
    };
    const query = new URL(request.raw.url ?? '/', 'http://placeholder').searchParams;
    if (!request.headers.authorization && isSigV2Query(query)) {
      return verifySigV2Query(request.raw, query, S3_API_PREFIX, settings);
    }
    return verifySigV4(request.raw, settings);
  }

  /** A key's requests count once whichever way they come: `/s3-api` shares the `/s3` proxy's window (SlowDown, 503). */
  private async throttle(principal: Principal, reply: FastifyReply): Promise<void> {
    const outcome = await this.rateLimit.count('s3-proxy', principal, {
      limit: this.config.S3_PROXY_RATE_LIMIT,
      windowSeconds: this.config.S3_PROXY_RATE_LIMIT_WINDOW_SECONDS,
    });
    void reply.headers(outcome.headers);
    if (outcome.refusal) throw outcome.refusal;
  }

  private bucketLevel(ctx: S3RequestContext, method: string): Promise<void> {
    const q = ctx.query;
    if (method === 'HEAD') return this.buckets.head(ctx);
    if (method === 'GET' && q.has('location')) return this.buckets.location(ctx);
    if (method === 'GET' && q.has('uploads')) return this.multipart.listUploads(ctx);
    if (method === 'GET') return this.buckets.listObjects(ctx);
    if (method === 'POST' && q.has('delete')) return this.objects.deleteMany(ctx);
    if (method === 'PUT' && [...q.keys()].length === 0) {
      throw new DomainError(
        'Conflict',
        'Your previous request to create the named bucket succeeded and you already own it.',
        {
          s3_code: 'BucketAlreadyOwnedByYou',
        },
      );
    }
    throw notImplemented(`${method} on a bucket`);
  }

  private objectLevel(ctx: S3ObjectContext, method: string): Promise<void> {
    const q = ctx.query;
    const copy = header(ctx.request, 'x-amz-copy-source') !== undefined;
    if (method === 'GET' && q.has('uploadId')) return this.multipart.listParts(ctx);
    if (method === 'GET' || method === 'HEAD') return this.objects.get(ctx);
    if (method === 'PUT' && q.has('uploadId')) return this.multipart.uploadPart(ctx);
    if (method === 'PUT' && copy) return this.objects.copy(ctx);
    if (method === 'PUT') return this.objects.put(ctx);
    if (method === 'POST' && q.has('uploads')) return this.multipart.create(ctx);
    if (method === 'POST' && q.has('uploadId')) return this.multipart.complete(ctx);
    if (method === 'DELETE' && q.has('uploadId')) return this.multipart.abort(ctx);
    if (method === 'DELETE') return this.objects.delete(ctx);
    throw notImplemented(`${method} on an object`);
  }

  /** The error as S3 XML (no body for HEAD); what was not read of the request is drained first. */
  private async fail(request: FastifyRequest, reply: FastifyReply, err: unknown): Promise<void> {
    if (reply.sent || reply.raw.headersSent) {
      this.logger.warn({ err, url: request.url.split('?')[0] }, 'S3 response failed after it started');
      reply.raw.destroy();
      return;
    }
    const { error, unexpected } = toDomainError(err);
    if (unexpected)
      this.logger.error({ err, url: request.url.split('?')[0] }, 'Unexpected error while serving an S3 request');
    const answer = renderS3Error(error, request.url.split('?')[0]);
    await discardRestOfBody(request.raw);
    void reply.status(answer.status).header('content-type', 'application/xml');
    if (request.method === 'HEAD') {
      void reply.header('x-amz-error-code', answer.code);
      await reply.send();
      return;
    }
    await reply.send(answer.body);
  }
}
