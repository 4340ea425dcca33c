import type { EventMap } from '@mp/contracts';
import { FileEntity } from './file.entity';

/** The `files.file.deleted` event of a file record that is gone (search and quotas drop it). */
export function fileDeletedEvent(
  file: Pick<FileEntity, 'id' | 'team_id' | 'object_key' | 'size'>,
  reason: EventMap['files.file.deleted']['reason'],
): EventMap['files.file.deleted'] {
  return { file_id: file.id, team_id: file.team_id, object_key: file.object_key, size: file.size ?? 0, reason };
}
