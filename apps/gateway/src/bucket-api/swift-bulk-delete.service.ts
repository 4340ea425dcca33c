import { Injectable } from '@nestjs/common';
import {
  BULK_DELETE_BATCH,
  containerNameSchema,
  DomainError,
  MAX_BULK_DELETES,
  objectNameSchema,
  Principal,
} from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { discardRestOfBody } from '../http/request-body';
import { BucketRoles } from './bucket-roles.service';
import { BulkDeleteAnswer, formatBulkDeleteResult } from './bulk-delete-result.format';

/** A line is at most a 256-byte container and a 1,024-byte object name, percent-encoded. */
const MAX_BODY_BYTES = MAX_BULK_DELETES * 4 * 1024;

interface Item {
  container: string;
  object?: string;
}

/**
 * Swift's bulk delete (`DELETE|POST /v1/{account}?bulk-delete`): a newline list of URL-encoded
 * `container/object` and `container`, at most 10,000; objects go first, containers after, in
 * batches to the buckets app. Answered 200 with Swift's result document.
 */
@Injectable()
export class SwiftBulkDeleteService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly roles: BucketRoles,
  ) {}

  async run(principal: Principal, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const lines = (await readBody(request))
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    if (lines.length > MAX_BULK_DELETES) {
      throw new DomainError('ValidationFailed', `At most ${MAX_BULK_DELETES} items per bulk delete`, {});
    }
    const answer: BulkDeleteAnswer = { deleted: 0, not_found: 0, errors: [], invalid: [] };
    const objects: Item[] = [];
    const containers: Item[] = [];
    for (const line of lines) {
      const item = parseLine(line);
      if (!item) answer.invalid.push([line.slice(0, 1100), '400 Bad Request']);
      else (item.object === undefined ? containers : objects).push(item);
    }
    const items = await this.permitted(principal, [...objects, ...containers], answer);
    for (let i = 0; i < items.length; i += BULK_DELETE_BATCH) {
      const batch = await this.rpc.request('buckets.bulk.delete', {
        team_id: principal.team_id,
        items: items.slice(i, i + BULK_DELETE_BATCH),
      });
      answer.deleted += batch.deleted;
      answer.not_found += batch.not_found;
      answer.errors.push(...batch.errors);
    }
    const formatted = formatBulkDeleteResult(answer, request.headers.accept);
    await reply.status(200).type(formatted.contentType).send(formatted.body);
  }

  /** The items the caller's role allows (objects: write, containers: admin); the others are `403 Forbidden`. */
  private async permitted(principal: Principal, items: Item[], answer: BulkDeleteAnswer): Promise<Item[]> {
    if (principal.user_id === null) return items;
    const decided = new Map<string, boolean>();
    const kept: Item[] = [];
    for (const item of items) {
      const need = item.object === undefined ? 'admin' : 'write';
      const key = `${need}:${item.container}`;
      if (!decided.has(key)) decided.set(key, await this.roles.allows(principal, item.container, need));
      if (decided.get(key)) kept.push(item);
      else {
        const path = item.object === undefined ? `/${item.container}` : `/${item.container}/${item.object}`;
        answer.errors.push([path, '403 Forbidden']);
      }
    }
    return kept;
  }
}

function parseLine(line: string): Item | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(line).replace(/^\/+/, '');
  } catch {
    return undefined;
  }
  const slash = decoded.indexOf('/');
  const container = containerNameSchema.safeParse(slash < 0 ? decoded : decoded.slice(0, slash));
  if (!container.success) return undefined;
  const rest = slash < 0 ? '' : decoded.slice(slash + 1);
  if (rest === '') return { container: container.data };
  const object = objectNameSchema.safeParse(rest);
  return object.success ? { container: container.data, object: object.data } : undefined;
}

async function readBody(request: FastifyRequest): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request.raw) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      await discardRestOfBody(request.raw);
      throw new DomainError('PayloadTooLarge', `A bulk delete body is at most ${MAX_BODY_BYTES} bytes`, {});
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
