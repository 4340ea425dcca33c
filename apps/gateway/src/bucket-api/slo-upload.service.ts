import { Injectable } from '@nestjs/common';
import { DomainError, ObjectRecord, Principal } from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import type { FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { discardRestOfBody } from '../http/request-body';
import { BucketRoles } from './bucket-roles.service';
import { ObjectWriter, WrittenObject } from './object-writer';
import { parseSloManifest, resolveRange, SLO_LIMITS, sloEtag, SloSegmentInput, StoredSegment } from './slo-manifest';

/** Segments checked at once against their records. */
const HEAD_CONCURRENCY = 16;

export interface StoredManifest extends WrittenObject {
  /** Swift's SLO ETag, hex. */
  sloEtag: string;
}

/**
 * `PUT ?multipart-manifest=put`: the JSON manifest is validated (Swift's wording), every segment
 * must exist with the ETag and size it names (a range must fit in it), then Swift's stored
 * manifest — `{name, hash, bytes, content_type, last_modified, range?}` per segment — is written
 * as the object's bytes. Faulty segments are all reported at once, as Swift does.
 */
@Injectable()
export class SloUploadService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly writer: ObjectWriter,
    private readonly roles: BucketRoles,
  ) {}

  async store(
    principal: Principal,
    target: { container: string; object: string; key: string; encrypt: boolean },
    request: FastifyRequest,
  ): Promise<StoredManifest> {
    const inputs = parseSloManifest(await readManifestBody(request), target);
    await this.roles.assertAll(
      principal,
      inputs.map((s) => s.container),
      'read',
    );
    const segments = await this.resolve(principal, inputs);
    const body = Buffer.from(JSON.stringify(segments));
    const written = await this.writer.write(Readable.from([body]), {
      key: target.key,
      contentType: 'application/json',
      length: body.length,
      encrypt: target.encrypt,
    });
    return { ...written, sloEtag: sloEtag(segments) };
  }

  private async resolve(principal: Principal, inputs: SloSegmentInput[]): Promise<StoredSegment[]> {
    const results: Array<StoredSegment | [string, string]> = new Array(inputs.length);
    for (let i = 0; i < inputs.length; i += HEAD_CONCURRENCY) {
      await Promise.all(
        inputs.slice(i, i + HEAD_CONCURRENCY).map(async (input, j) => {
          results[i + j] = check(input, await this.head(principal, input), i + j === inputs.length - 1);
        }),
      );
    }
    const problems = results.filter((r): r is [string, string] => Array.isArray(r));
    if (problems.length > 0) {
      throw new DomainError('ValidationFailed', `Errors:\n${problems.map(([n, s]) => `${n}, ${s}`).join('\n')}`, {
        errors: problems,
      });
    }
    return results as StoredSegment[];
  }

  private async head(principal: Principal, input: SloSegmentInput): Promise<ObjectRecord | undefined> {
    try {
      return await this.rpc.request('buckets.object.head', {
        team_id: principal.team_id,
        container: input.container,
        object: input.object,
      });
    } catch (err) {
      if (err instanceof DomainError && ['ObjectNotFound', 'NotFound'].includes(err.code)) return undefined;
      throw err;
    }
  }
}

/** The stored segment, or `[path, reason]` in Swift's words. */
function check(
  input: SloSegmentInput,
  record: ObjectRecord | undefined,
  last: boolean,
): StoredSegment | [string, string] {
  const path = `/${encodeURIComponent(input.container)}/${input.object.split('/').map(encodeURIComponent).join('/')}`;
  if (!record) return [path, '404 Not Found'];
  if (record.slo || record.manifest !== null) return [path, 'Nested large objects are not supported'];
  let range: string | undefined;
  let length = record.bytes;
  if (input.range) {
    const span = resolveRange(input.range, record.bytes);
    if (!span) return [path, 'Unsatisfiable Range'];
    if (span[0] !== 0 || span[1] !== record.bytes - 1) range = `${span[0]}-${span[1]}`;
    length = span[1] - span[0] + 1;
  }
  if (length < SLO_LIMITS.min_segment_size && !last) {
    return [path, 'Too small; each segment must be at least 1 byte.'];
  }
  if (input.size_bytes !== null && input.size_bytes !== record.bytes) return [path, 'Size Mismatch'];
  if (input.etag !== null && input.etag !== record.hash) return [path, 'Etag Mismatch'];
  return {
    name: `/${input.container}/${input.object}`,
    hash: record.hash,
    bytes: record.bytes,
    content_type: record.content_type,
    last_modified: record.last_modified,
    ...(range ? { range } : {}),
  };
}

/** The manifest body, at most Swift's 8 MiB. */
async function readManifestBody(request: FastifyRequest): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request.raw) {
    size += (chunk as Buffer).length;
    if (size > SLO_LIMITS.max_manifest_size) {
      await discardRestOfBody(request.raw);
      throw new DomainError('PayloadTooLarge', `Manifest File > ${SLO_LIMITS.max_manifest_size} bytes`, {});
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
