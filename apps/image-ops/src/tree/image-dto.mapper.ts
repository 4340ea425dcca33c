import { ImageFile, ImageFolder, ImageQueue } from '@mp/contracts';
import { formatImageDate } from '../image-dates';
import { FileRow, FolderRow } from './image-tree.repository';
import { ImageScope } from './image-scope';

/** Public URL of an image path: `{base}/{appKey}{path}` (path segments URL-encoded). */
export function imageUrl(base: string, scope: ImageScope, path: string): string {
  return `${base.replace(/\/$/, '')}/${encodeURIComponent(scope.app_key)}${path.split('/').map(encodeURIComponent).join('/')}`;
}

export function toFolderDto(row: FolderRow): ImageFolder {
  return { isFolder: true, id: row.id, name: row.name, path: row.path, updatedAt: formatImageDate(row.updated_at) };
}

export function toFileDto(base: string, scope: ImageScope, row: FileRow, queues: ImageQueue[] = []): ImageFile {
  return {
    isFolder: false,
    id: row.id,
    url: imageUrl(base, scope, row.path),
    name: row.name,
    path: row.path,
    bytes: Number(row.bytes),
    createdBy: row.created_by,
    updatedAt: formatImageDate(row.updated_at),
    operationId: row.operation_id ?? '',
    imageProperty: {
      width: row.width,
      height: row.height,
      createdAt: formatImageDate(row.taken_at ?? row.created_at),
      coordinate: { lat: row.lat, lng: row.lng },
    },
    queues,
  };
}
