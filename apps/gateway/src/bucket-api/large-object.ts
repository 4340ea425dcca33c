import { Injectable } from '@nestjs/common';
import { DomainError, ObjectRecord, Principal } from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { listContainerPaged } from './container-pages';
import { parseManifest } from './dlo-manifest';
import { BucketRoles } from './bucket-roles.service';
import { MasterKeys } from './encryption/master-keys';
import { readPlain } from './object-bytes';
import { parseStoredManifest, sloEtag, StoredSegment, storedNames, storedSpan } from './slo-manifest';

/** Swift's own cap on the segments of one dynamic large object listing. */
const MAX_DLO_SEGMENTS = 10_000;

/** A part of a large object: bytes `offset`… (`length` of them) of one segment object. */
export interface Piece {
  container: string;
  object: string;
  offset: number;
  length: number;
  /** An SLO's segment must still be the one its manifest recorded. */
  expect?: { hash: string; bytes: number };
}

/** A large object as one body: its size, Swift's ETag (hex) and its pieces in order. */
export interface LargeObjectView {
  kind: 'dlo' | 'slo';
  size: number;
  etag: string;
  pieces: Piece[];
  /** The buckets the segments are in. */
  containers: string[];
  /** An SLO's stored manifest. */
  manifest?: StoredSegment[];
}

/**
 * Dynamic (`X-Object-Manifest`) and static (`?multipart-manifest=put`) large objects read as one
 * body: the segments are resolved once, then streamed piece after piece (the first is opened
 * before the answer starts, so a missing or changed first segment is a clean error).
 */
@Injectable()
export class LargeObjects {
  constructor(
    private readonly rpc: RpcClient,
    private readonly storage: ObjectStorage,
    private readonly keys: MasterKeys,
    private readonly roles: BucketRoles,
  ) {}

  /** The view of a large object, or undefined for a plain one; `clientIp` of the request reading it. */
  async view(principal: Principal, record: ObjectRecord, clientIp: string): Promise<LargeObjectView | undefined> {
    const view = record.slo
      ? await this.sloView(record)
      : record.manifest !== null
        ? await this.dloView(principal, record.manifest)
        : undefined;
    // Reading a large object reads its segments' buckets: the caller's role must allow that too.
    if (view) await this.roles.assertSegmentsReadable(principal, view.containers, clientIp);
    return view;
  }

  async readManifest(record: ObjectRecord): Promise<StoredSegment[]> {
    const chunks: Buffer[] = [];
    const body = await readPlain(this.storage, this.keys, record, 0, record.bytes - 1);
    for await (const chunk of body) chunks.push(chunk as Buffer);
    return parseStoredManifest(Buffer.concat(chunks).toString('utf8'));
  }

  /** The bytes `start`–`end` (inclusive) of the pieces laid end to end. */
  async open(principal: Principal, pieces: Piece[], start: number, end: number): Promise<Readable> {
    const plan: Piece[] = [];
    let offset = 0;
    for (const piece of pieces) {
      const first = offset;
      const last = offset + piece.length - 1;
      offset += piece.length;
      if (piece.length === 0 || last < start || first > end) continue;
      const from = Math.max(start, first) - first;
      plan.push({ ...piece, offset: piece.offset + from, length: Math.min(end, last) - first - from + 1 });
    }
    if (plan.length === 0) return Readable.from([]);
    const opened = await this.openPiece(principal, plan[0]!);
    const next = (piece: Piece) => this.openPiece(principal, piece);
    return Readable.from(
      (async function* () {
        for await (const chunk of opened) yield chunk as Buffer;
        for (const piece of plan.slice(1)) for await (const chunk of await next(piece)) yield chunk as Buffer;
      })(),
    );
  }

  private async openPiece(principal: Principal, piece: Piece): Promise<Readable> {
    const record = await this.segmentRecord(principal, piece);
    if (piece.expect && (record.hash !== piece.expect.hash || record.bytes !== piece.expect.bytes)) {
      throw new DomainError(
        'Conflict',
        `Object segment no longer valid: /${piece.container}/${piece.object} etag: ${record.hash} != ` +
          `${piece.expect.hash} or ${record.bytes} != ${piece.expect.bytes}.`,
        {},
      );
    }
    // Segments of an encrypted bucket are decrypted like any of its objects.
    return readPlain(this.storage, this.keys, record, piece.offset, piece.offset + piece.length - 1);
  }

  private async segmentRecord(principal: Principal, piece: Piece): Promise<ObjectRecord> {
    try {
      return await this.rpc.request('buckets.object.head', {
        team_id: principal.team_id,
        container: piece.container,
        object: piece.object,
      });
    } catch (err) {
      if (!(err instanceof DomainError) || !piece.expect) throw err;
      throw new DomainError('Conflict', `Object segment no longer valid: /${piece.container}/${piece.object}`, {});
    }
  }

  private async sloView(record: ObjectRecord): Promise<LargeObjectView> {
    const manifest = await this.readManifest(record);
    const pieces = manifest.map((segment) => {
      const [start, end] = storedSpan(segment);
      return {
        ...storedNames(segment),
        offset: start,
        length: end - start + 1,
        expect: { hash: segment.hash, bytes: segment.bytes },
      };
    });
    return {
      kind: 'slo',
      size: pieces.reduce((sum, p) => sum + p.length, 0),
      etag: sloEtag(manifest),
      pieces,
      containers: [...new Set(pieces.map((p) => p.container))],
      manifest,
    };
  }

  /** The objects of the manifest's container under its prefix, in name order. */
  private async dloView(principal: Principal, header: string): Promise<LargeObjectView> {
    const { container, prefix } = parseManifest(header);
    const page = await listContainerPaged(this.rpc, {
      team_id: principal.team_id,
      container,
      prefix: prefix || undefined,
      limit: MAX_DLO_SEGMENTS + 1,
      reverse: false,
    });
    if (page.items.length > MAX_DLO_SEGMENTS) {
      throw new DomainError('ValidationFailed', `A dynamic large object has at most ${MAX_DLO_SEGMENTS} segments`, {});
    }
    const segments = page.items.filter((item) => 'name' in item);
    return {
      kind: 'dlo',
      size: segments.reduce((sum, s) => sum + s.bytes, 0),
      etag: createHash('md5')
        .update(segments.map((s) => s.hash).join(''))
        .digest('hex'),
      pieces: segments.map((s) => ({ container, object: s.name, offset: 0, length: s.bytes })),
      containers: [container],
    };
  }
}
