import { Controller, Delete, Get, Head, Post, Put, Req, Res } from '@nestjs/common';
import { Principal } from '@mp/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { Dialect } from '../dialects/dialect.decorator';
import { BUCKET_DIALECT } from './bucket.dialect';
import { SwiftContainerService } from './swift-container.service';
import { methodNotAllowed, notServed } from './swift-errors';
import { SwiftObjectService } from './swift-object.service';
import { swiftTarget } from './swift-path';
import { assertCopyHadDestination } from './swift-copy.rewrite';
import { SwiftBulkDeleteService } from './swift-bulk-delete.service';
import { SwiftUploadService } from './swift-upload.service';

/**
 * The Swift object API of seed 004: `/v1/{account}` and `/v1/{account}/{container}[/{object}]`.
 * One wildcard route per method, split here: Fastify caps a path parameter at 100 characters,
 * while a container name may be 256 bytes and an object name 1,024.
 */
@Controller('v1/:account')
@Dialect(BUCKET_DIALECT)
export class SwiftController {
  constructor(
    private readonly containers: SwiftContainerService,
    private readonly objects: SwiftObjectService,
    private readonly uploads: SwiftUploadService,
    private readonly bulk: SwiftBulkDeleteService,
  ) {}

  /** Declared before the GETs: Fastify lets an explicit HEAD route replace the derived one only so. */
  @Head()
  headAccount(@CurrentPrincipal() p: Principal, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.containers.account(p, req, reply);
  }

  @Head('*')
  head(@CurrentPrincipal() p: Principal, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.read(p, req, reply, (container) => this.containers.head(p, container, reply));
  }

  @Get()
  getAccount(@CurrentPrincipal() p: Principal, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.containers.account(p, req, reply);
  }

  @Get('*')
  get(@CurrentPrincipal() p: Principal, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.read(p, req, reply, (container) => this.containers.list(p, container, req, reply));
  }

  @Put()
  putAccount(@Req() req: FastifyRequest) {
    const query = req.query as Record<string, unknown>;
    throw query['extract-archive'] !== undefined
      ? notServed('Archive extraction (?extract-archive)')
      : methodNotAllowed('PUT on an account');
  }

  @Put('*')
  async put(@CurrentPrincipal() p: Principal, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    assertCopyHadDestination(req.raw);
    const target = swiftTarget(req);
    if (target.level === 'account') return this.putAccount(req);
    if (target.level === 'container') return this.containers.create(p, target.container, req, reply);
    const stored = await this.uploads.put(p, target.container, target.object, req);
    void reply
      .status(201)
      .header('etag', stored.etag)
      .header('last-modified', stored.lastModified.toUTCString())
      .type('text/plain; charset=utf-8');
    if (stored.copiedFrom) void reply.header('x-copied-from', stored.copiedFrom);
    await reply.send('');
  }

  @Post()
  postAccount(@CurrentPrincipal() p: Principal, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return accountWrite(this.bulk, p, req, reply);
  }

  @Post('*')
  async post(@CurrentPrincipal() p: Principal, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const target = swiftTarget(req);
    if (target.level === 'account') return accountWrite(this.bulk, p, req, reply);
    if (target.level === 'container') return this.containers.post(p, target.container, req, reply);
    await this.objects.post(p, target.container, target.object, req);
    await reply.status(202).type('text/plain; charset=utf-8').send('');
  }

  @Delete()
  deleteAccount(@CurrentPrincipal() p: Principal, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return accountWrite(this.bulk, p, req, reply);
  }

  @Delete('*')
  async delete(@CurrentPrincipal() p: Principal, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const target = swiftTarget(req);
    if (target.level === 'account') return accountWrite(this.bulk, p, req, reply);
    if (target.level === 'container') return this.containers.delete(p, target.container, reply);
    const manifest = (req.query as Record<string, unknown>)['multipart-manifest'];
    if (manifest === 'delete') {
      return this.objects.deleteWithSegments(p, target.container, target.object, reply, req.headers.accept);
    }
    await this.objects.delete(p, target.container, target.object);
    await reply.status(204).send();
  }

  /** HEAD and GET below the account: the account, a container (answered by `ofContainer`) or an object. */
  private async read(
    p: Principal,
    req: FastifyRequest,
    reply: FastifyReply,
    ofContainer: (container: string) => Promise<void>,
  ): Promise<void> {
    const target = swiftTarget(req);
    if (target.level === 'account') return this.containers.account(p, req, reply);
    if (target.level === 'container') return ofContainer(target.container);
    return this.objects.send(p, target.container, target.object, req, reply);
  }
}

/** POST/DELETE of the account: bulk delete; account metadata and archive extraction are not served. */
function accountWrite(bulk: SwiftBulkDeleteService, p: Principal, req: FastifyRequest, reply: FastifyReply) {
  const query = req.query as Record<string, unknown>;
  if (query['bulk-delete'] !== undefined) return bulk.run(p, req, reply);
  if (query['extract-archive'] !== undefined) throw notServed('Archive extraction (?extract-archive)');
  throw notServed(`${req.method} on an account (account metadata)`);
}
