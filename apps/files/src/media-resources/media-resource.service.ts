import { Injectable } from '@nestjs/common';
import {
  DetachMediaResult,
  DomainError,
  IngestMediaResult,
  MediaAttachmentList,
  RpcParsedRequest,
} from '@mp/contracts';
import { RpcHandler } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { toMediaAttachment } from './media-attachment.mapper';
import { canonicalKey, extensionFor, tempKeyOf } from './media-object-key';
import { EntityRef, MediaAttachmentRow, MediaResourceRepository, MediaResourceRow } from './media-resource.repository';
import { MediaUrls } from './media-url';
import { TempObjectOwner } from './temp-object-owner';

const FOREIGN_KEY_VIOLATION = '23503';

export interface IngestedResource {
  resource: MediaResourceRow;
  deduplicated: boolean;
}

/**
 * The seed's `MediaResourceService.ingest_all`: temp objects become content-addressed resources
 * (`media/{resource_id}/file.{ext}`, one per team and sha256) linked to entities.
 */
@Injectable()
export class MediaResourceService {
  constructor(
    private readonly repository: MediaResourceRepository,
    private readonly storage: ObjectStorage,
    private readonly owner: TempObjectOwner,
    private readonly urls: MediaUrls,
  ) {}

  @RpcHandler('files.media-resource.ingest')
  async ingestAll(request: RpcParsedRequest<'files.media-resource.ingest'>): Promise<IngestMediaResult> {
    const keys = request.urls.map((url, i) => tempKeyOf(url, `urls[${i}]`));
    const entity = { team_id: request.team_id, entity_type: request.entity_type, entity_id: request.entity_id };
    const attachments: IngestMediaResult['attachments'] = [];
    for (const [i, key] of keys.entries()) {
      const ownership = await this.owner.check(request.team_id, key);
      if (ownership === 'foreign')
        throw new DomainError('NotFound', `urls[${i}]: no such temp file`, { field: `urls[${i}]` });
      if (ownership === 'rejected')
        throw new DomainError('ValidationFailed', `urls[${i}]: the upload was rejected by verification`, {
          field: `urls[${i}]`,
        });
      const { row, deduplicated } = await this.ingestAndAttach(entity, key, `urls[${i}]`);
      attachments.push({ ...toMediaAttachment(row, this.urls), source_url: request.urls[i], deduplicated });
    }
    return { attachments };
  }

  @RpcHandler('files.media-attachment.list')
  async list(request: RpcParsedRequest<'files.media-attachment.list'>): Promise<MediaAttachmentList> {
    const rows = await this.repository.listAttachments(request);
    return { attachments: rows.map((r) => toMediaAttachment(r, this.urls)) };
  }

  @RpcHandler('files.media-attachment.detach')
  async detach(request: RpcParsedRequest<'files.media-attachment.detach'>): Promise<DetachMediaResult> {
    const removed = await this.repository.detach(request.team_id, request.attachment_id);
    if (!removed) throw new DomainError('NotFound', 'Attachment not found', { attachment_id: request.attachment_id });
    return { ...removed, detached: true };
  }

  /** Ingests one temp object and links it; retried once if the collector removed the resource meanwhile. */
  async ingestAndAttach(
    entity: EntityRef,
    tempKey: string,
    field: string,
  ): Promise<{ row: MediaAttachmentRow; deduplicated: boolean }> {
    for (let attempt = 1; ; attempt++) {
      const { resource, deduplicated } = await this.ingest(entity.team_id, tempKey, field);
      try {
        const row = await this.repository.attach(entity, resource.id, tempKey);
        await this.storage.delete(tempKey);
        await this.owner.retire(tempKey);
        return { row, deduplicated };
      } catch (err) {
        if (attempt >= 2 || (err as { code?: string }).code !== FOREIGN_KEY_VIOLATION) throw err;
      }
    }
  }

  /** Links an already ingested resource inside the caller's transaction (products). */
  attachInTransaction(
    manager: EntityManager,
    entity: EntityRef,
    resourceId: string,
    tempKey: string,
  ): Promise<MediaAttachmentRow> {
    return this.repository.attach(entity, resourceId, tempKey, manager);
  }

  /**
   * HEAD, sha256, then the team's resource for those bytes: on a miss it is created and the object
   * copied to its canonical key; on a hit it is reused. The temp object is deleted by the caller
   * only after the attachment (and the record of this ingestion) committed, so a crash anywhere
   * leaves either the temp object or the record for a retry to pick up.
   */
  async ingest(teamId: string, tempKey: string, field: string): Promise<IngestedResource> {
    const previous = await this.repository.findIngested(teamId, tempKey);
    if (previous?.relocated) return { resource: previous, deduplicated: true };
    const head = await this.storage.head(tempKey);
    if (!head)
      throw new DomainError('NotFound', `${field}: temp file not found (expired, or never uploaded)`, {
        field,
        key: tempKey,
      });
    const digest = await this.storage.digest({ key: tempKey, algorithms: ['sha256'] });
    const id = randomUUID();
    const ext = extensionFor(tempKey, head.contentType);
    const { row, inserted } = await this.repository.upsert({
      id,
      team_id: teamId,
      sha256: digest.sha256!,
      size: digest.size,
      content_type: head.contentType ?? null,
      ext,
      object_key: canonicalKey(id, ext),
    });
    if (!row.relocated) {
      // Identical bytes: whichever ingest gets here first, the canonical object is the same.
      await this.storage.copy({ from: tempKey, to: row.object_key });
      await this.repository.markRelocated(row.id);
      row.relocated = true;
    }
    return { resource: row, deduplicated: !inserted };
  }
}
