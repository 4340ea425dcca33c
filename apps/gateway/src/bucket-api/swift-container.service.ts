import { Injectable } from '@nestjs/common';
import { Principal } from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { listContainerPaged } from './container-pages';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { containerHeaders } from './swift-headers';
import { formatAccountListing, formatContainerListing } from './swift-listing.format';
import { parseListingQuery } from './swift-listing-query';
import { metadataOf, removedMetadataOf } from './swift-metadata';

/** Swift's account and container requests, answered with Swift's statuses and headers. */
@Injectable()
export class SwiftContainerService {
  constructor(private readonly rpc: RpcClient) {}

  async account(principal: Principal, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const query = parseListingQuery(request.query, request.headers.accept);
    const listing = await this.rpc.request('buckets.account.list', {
      team_id: principal.team_id,
      viewer_id: principal.user_id,
      prefix: query.prefix,
      marker: query.marker,
      end_marker: query.end_marker,
      limit: request.method === 'HEAD' ? 1 : query.limit,
      reverse: query.reverse,
    });
    void reply.headers({
      'X-Account-Container-Count': String(listing.container_count),
      'X-Account-Object-Count': String(listing.object_count),
      'X-Account-Bytes-Used': String(listing.bytes),
    });
    const formatted = formatAccountListing(principal.team_id, listing, query.format);
    await this.sendListing(request, reply, formatted);
  }

  async list(principal: Principal, container: string, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const query = parseListingQuery(request.query, request.headers.accept);
    const listing = await listContainerPaged(this.rpc, {
      team_id: principal.team_id,
      container,
      prefix: query.prefix,
      delimiter: query.delimiter,
      marker: query.marker,
      end_marker: query.end_marker,
      limit: query.limit,
      reverse: query.reverse,
    });
    void reply.headers(containerHeaders(listing.container));
    await this.sendListing(request, reply, formatContainerListing(container, listing.items, query.format));
  }

  async head(principal: Principal, container: string, reply: FastifyReply): Promise<void> {
    const info = await this.rpc.request('buckets.container.head', { team_id: principal.team_id, container });
    await reply.status(204).headers(containerHeaders(info)).send();
  }

  /** 201 for a new container, 202 when it existed (its metadata merged). */
  async create(principal: Principal, container: string, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const { created } = await this.rpc.request('buckets.container.create', {
      team_id: principal.team_id,
      container,
      metadata: metadataOf(request.headers, 'container'),
      owner_id: principal.user_id,
    });
    await reply
      .status(created ? 201 : 202)
      .type('text/plain; charset=utf-8')
      .send('');
  }

  /** Merges `X-Container-Meta-*` (and, as the seed sends them, `X-Object-Meta-*`); removes the `X-Remove-*` ones. */
  async post(principal: Principal, container: string, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    await this.rpc.request('buckets.container.update', {
      team_id: principal.team_id,
      container,
      set: metadataOf(request.headers, 'container', true),
      remove: [...removedMetadataOf(request.headers, 'container'), ...removedMetadataOf(request.headers, 'object')],
    });
    await reply.status(204).send();
  }

  async delete(principal: Principal, container: string, reply: FastifyReply): Promise<void> {
    await this.rpc.request('buckets.container.delete', { team_id: principal.team_id, container });
    await reply.status(204).send();
  }

  private async sendListing(
    request: FastifyRequest,
    reply: FastifyReply,
    listing: { contentType: string; body: string; empty: boolean },
  ): Promise<void> {
    if (request.method === 'HEAD' || listing.empty) return void (await reply.status(204).send());
    await reply.status(200).type(listing.contentType).send(listing.body);
  }
}
