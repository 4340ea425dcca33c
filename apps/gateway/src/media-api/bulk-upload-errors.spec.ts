import { BulkUploadTask } from '@mp/contracts';
import { bulkUploadErrors } from './bulk-upload-errors';

const task = (over: Partial<BulkUploadTask>): BulkUploadTask => ({
  owner_id: 'o',
  id: 't',
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  filename: 'c.zip',
  status: 'COMPLETED',
  file_url: null,
  total_products: 0,
  processed_products: 0,
  successful_products: 0,
  failed_products: 0,
  skipped_products: 0,
  results: {},
  error_message: null,
  shooting_id: null,
  completed_at: null,
  ...over,
});

describe('bulkUploadErrors', () => {
  it('lists only FAILED rows, in CSV order, with their reasons', () => {
    const errors = bulkUploadErrors(
      task({
        failed_products: 3,
        results: {
          B: { status: 'FAILED', row: 4, error: 'no cover image' },
          A: { status: 'COMPLETED', row: 2, product_id: 'p' },
          'row#row3': { status: 'FAILED', row: 3, error: 'empty sku' },
          S: { status: 'SKIPPED', row: 5 },
          Z: { status: 'FAILED' },
        },
      }),
    );
    expect(errors).toEqual({
      task_id: 't',
      status: 'COMPLETED',
      error_message: null,
      failed_products: 3,
      errors: [
        { sku: 'row#row3', row: 3, error: 'empty sku' },
        { sku: 'B', row: 4, error: 'no cover image' },
        { sku: 'Z', row: null, error: 'failed' },
      ],
    });
  });

  it('carries the task-level reason of a refused archive', () => {
    expect(bulkUploadErrors(task({ status: 'FAILED', error_message: 'Unsafe path in ZIP (zip-slip)' }))).toMatchObject({
      status: 'FAILED',
      error_message: 'Unsafe path in ZIP (zip-slip)',
      errors: [],
    });
  });
});
