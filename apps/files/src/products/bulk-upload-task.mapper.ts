import { BulkUploadTask } from '@mp/contracts';
import { MediaUrls } from '../media-resources/media-url';
import { BulkUploadTaskRow } from './bulk-upload.repository';

/** The seed's `BulkUploadTask` body. */
export function toBulkUploadTask(row: BulkUploadTaskRow, urls: MediaUrls): BulkUploadTask {
  return {
    owner_id: row.owner_id,
    id: row.id,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
    filename: row.filename,
    status: row.status,
    file_url: urls.urlOf(row.object_key),
    total_products: row.total_products,
    processed_products: row.processed_products,
    successful_products: row.successful_products,
    failed_products: row.failed_products,
    skipped_products: row.skipped_products,
    results: row.results,
    error_message: row.error_message,
    shooting_id: row.shooting_id,
    completed_at: row.completed_at ? new Date(row.completed_at).toISOString() : null,
  };
}
