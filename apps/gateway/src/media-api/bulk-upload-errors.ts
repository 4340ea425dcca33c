import { BulkUploadErrors, BulkUploadTask } from '@mp/contracts';

/** The failed rows of a task (CSV order; rows without a number last, by key) and its task-level error. */
export function bulkUploadErrors(task: BulkUploadTask): BulkUploadErrors {
  const errors = Object.entries(task.results)
    .filter(([, result]) => result.status === 'FAILED')
    .map(([sku, result]) => ({ sku, row: result.row ?? null, error: result.error ?? 'failed' }))
    .sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity) || a.sku.localeCompare(b.sku));
  return {
    task_id: task.id,
    status: task.status,
    error_message: task.error_message,
    failed_products: task.failed_products,
    errors,
  };
}
