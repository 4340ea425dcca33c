import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { DomainError, SkuResult } from '@mp/contracts';
import { APP_CONFIG, JobContext, JobHandler, JobSkipped, LOGGER, skipJob } from '@mp/platform';
import { ObjectStorage, ZipReader, ZipRefused, isZlibError, objectRangeSource } from '@mp/storage';
import type { Logger } from 'pino';
import { FilesConfig } from '../app.config';
import { BulkUploadRepository } from './bulk-upload.repository';
import { CsvSyntaxError, parseCsv } from './csv/csv-parser';
import { productRows } from './product-rows';
import { SkuImporter } from './sku-importer';

const MAX_CSV_BYTES = 20 * 1024 * 1024;
const DONE = new Set(['COMPLETED', 'FAILED', 'SKIPPED']);

/** Thrown between SKUs when the process is shutting down: BullMQ retries the job on the next worker. */
export class InterruptedByShutdown extends Error {}

/**
 * ProcessBulkUpload: opens the task's ZIP with range reads, refuses zip-slip and zip bombs
 * (FAILED with the reason in `error_message`), reads the one CSV, then imports SKU by SKU,
 * persisting each SKU's result with the counters. A re-run (retry, restart) skips finished SKUs.
 */
@Injectable()
export class BulkUploadProcessor implements OnModuleDestroy {
  private stopping = false;

  constructor(
    private readonly tasks: BulkUploadRepository,
    private readonly importer: SkuImporter,
    private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: FilesConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Runs before the workers are closed: the active task stops after its current SKU. */
  onModuleDestroy(): void {
    this.stopping = true;
  }

  @JobHandler('ProcessBulkUpload')
  async handle(data: { task_id: string }, context: JobContext): Promise<{ status: string } | JobSkipped> {
    try {
      return await this.process(data.task_id);
    } catch (err) {
      // The last attempt of an unexpected failure: the task must not stay PROCESSING forever.
      if (!(err instanceof InterruptedByShutdown) && context.attempt >= context.maxAttempts) {
        await this.tasks.fail(data.task_id, 'Internal error while processing the ZIP file');
      }
      throw err;
    }
  }

  private async process(taskId: string): Promise<{ status: string } | JobSkipped> {
    const task = await this.tasks.get(taskId);
    if (!task) return skipJob('task-missing');
    if (task.status === 'COMPLETED' || task.status === 'FAILED') return skipJob('task-finished');
    let zip: ZipReader;
    let baseDir: string;
    let rows: ReturnType<typeof productRows>;
    try {
      zip = await ZipReader.open(await objectRangeSource(this.storage, task.object_key), {
        maxEntries: this.config.BULK_UPLOAD_MAX_ENTRIES,
        maxEntryBytes: this.config.BULK_UPLOAD_MAX_ENTRY_BYTES,
        maxTotalBytes: this.config.BULK_UPLOAD_MAX_TOTAL_BYTES,
        maxRatio: this.config.BULK_UPLOAD_MAX_RATIO,
      });
      const csvs = zip.entries.filter(
        (e) =>
          !e.isDirectory &&
          e.name.toLowerCase().endsWith('.csv') &&
          !e.name.split('/').some((s) => s.startsWith('.') || s === '__MACOSX'),
      );
      if (csvs.length !== 1)
        throw new ZipRefused(
          csvs.length ? `The ZIP must contain one CSV file; found ${csvs.length}` : 'The ZIP contains no CSV file',
        );
      baseDir = csvs[0].name.slice(0, csvs[0].name.lastIndexOf('/') + 1);
      rows = productRows(parseCsv((await zip.readAll(csvs[0], MAX_CSV_BYTES)).toString('utf8')));
    } catch (err) {
      if (!(
        err instanceof ZipRefused ||
        err instanceof CsvSyntaxError ||
        err instanceof DomainError ||
        isZlibError(err)
      ))
        throw err;
      const reason = (err as Error).message;
      const message =
        err instanceof CsvSyntaxError
          ? `The CSV file is malformed: ${reason}`
          : isZlibError(err)
            ? `The CSV file is corrupt in the ZIP: ${reason}`
            : reason;
      await this.tasks.fail(task.id, message);
      this.logger.info({ task_id: task.id, reason: message }, 'Bulk upload refused');
      return { status: 'FAILED' };
    }
    const pending: Record<string, SkuResult> = {};
    for (const row of rows) pending[row.key] = { status: 'PENDING', row: row.row };
    await this.tasks.start(task.id, rows.length, pending);
    const done = (await this.tasks.get(task.id))!.results;
    for (const row of rows) {
      if (DONE.has(done[row.key]?.status)) continue;
      if (this.stopping)
        throw new InterruptedByShutdown(
          `Bulk upload ${task.id} interrupted by shutdown; it resumes on the next worker`,
        );
      await this.importer.import(task, zip, baseDir, row);
    }
    await this.tasks.complete(task.id);
    return { status: 'COMPLETED' };
  }
}
