import { MediaAttachment } from '@mp/contracts';
import { MediaAttachmentRow } from './media-resource.repository';
import { MediaUrls } from './media-url';

export function toMediaAttachment(row: MediaAttachmentRow, urls: MediaUrls): MediaAttachment {
  return {
    id: row.attachment_id,
    resource_id: row.id,
    entity_type: row.entity_type,
    entity_id: row.entity_id,
    position: row.position,
    url: urls.urlOf(row.object_key),
    object_key: row.object_key,
    sha256: row.sha256,
    size: Number(row.size),
    content_type: row.content_type,
    created_at: new Date(row.attached_at).toISOString(),
  };
}
