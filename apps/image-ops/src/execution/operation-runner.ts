import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@mp/contracts';
import { APP_CONFIG } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import { EntityManager } from 'typeorm';
import { ImageOpsConfig } from '../app.config';
import { EXTENSION_OF, IMAGE_ENGINE, ImageEngine, ImageFormat } from '../imaging/image-engine';
import { runPipeline } from '../imaging/operation-pipeline';
import { OperationRow } from '../operations/operation.repository';
import { newImageObjectKey } from '../storage/image-object-keys';
import { readObject } from '../storage/read-object';
import { join, resultName } from '../tree/image-path';
import { FileRow, ImageTreeRepository } from '../tree/image-tree.repository';
import { ImageScope } from '../tree/image-scope';
import type { ImageJobStage } from './job-stage-metrics';
import type { StageClock } from './stage-clock';

/** One result of an operation, already in object storage, not yet recorded. */
export interface RenderedResult {
  path: string;
  key: string;
  width: number;
  height: number;
  format: ImageFormat;
  bytes: number;
}

/** Runs an operation on a source image (objects first), then records the results next to the source (`createdBy: P`). */
@Injectable()
export class OperationRunner {
  constructor(
    private readonly tree: ImageTreeRepository,
    private readonly storage: ObjectStorage,
    @Inject(IMAGE_ENGINE) private readonly engine: ImageEngine,
    @Inject(APP_CONFIG) private readonly config: ImageOpsConfig,
  ) {}

  async render(
    scope: ImageScope,
    source: FileRow,
    op: OperationRow,
    clock?: StageClock<ImageJobStage>,
  ): Promise<RenderedResult[]> {
    const bytes = await readObject(this.storage, source.object_key, this.config.IMAGE_MAX_FILE_BYTES);
    clock?.lap('object_get');
    const probe = singleFrameFacts(source) ?? (await this.engine.probe(bytes));
    clock?.lap('probe');
    const outputs = await runPipeline(
      this.engine,
      { data: bytes, format: probe.format, width: probe.width, height: probe.height, frames: probe.frames },
      op.steps,
      async (path) => {
        const mark = await this.tree.findFile(scope, path);
        if (!mark) throw new DomainError('ValidationFailed', `watermarkImagePath ${path} does not exist`);
        return readObject(this.storage, mark.object_key, this.config.IMAGE_MAX_FILE_BYTES);
      },
    );
    clock?.lap('pixels');
    const rendered: RenderedResult[] = [];
    for (const out of outputs) {
      const key = newImageObjectKey(scope);
      await this.storage.writeAll({ key, body: out.image.data, contentType: `image/${out.image.format}` });
      const path = join(
        source.folder_path,
        resultName(source.name, op.operation_id, out.suffix, EXTENSION_OF[out.image.format]),
      );
      rendered.push({
        path,
        key,
        width: out.image.width,
        height: out.image.height,
        format: out.image.format,
        bytes: out.image.data.length,
      });
    }
    clock?.lap('object_put');
    return rendered;
  }

  /** Inside the caller's transaction: the recorded rows and the object keys they replaced (to delete after commit). */
  async record(
    m: EntityManager,
    scope: ImageScope,
    source: FileRow,
    op: OperationRow,
    results: RenderedResult[],
  ): Promise<{ files: FileRow[]; replaced: string[] }> {
    const files: FileRow[] = [];
    const replaced: string[] = [];
    await this.tree.lockFolder(m, scope, source.folder_path);
    for (const r of results) {
      const saved = await this.tree.upsertFile(m, scope, {
        path: r.path,
        object_key: r.key,
        bytes: r.bytes,
        format: r.format,
        width: r.width,
        height: r.height,
        created_by: 'P',
        operation_id: op.operation_id,
        source_file_id: source.id,
        taken_at: null,
        lat: null,
        lng: null,
      });
      files.push(saved.row);
      if (saved.replacedObjectKey) replaced.push(saved.replacedObjectKey);
    }
    return { files, replaced };
  }
}

/**
 * A JPEG or PNG source holds one frame whose format and size were probed when it was stored
 * (objects never change under their key): no second probe. Formats with frames are probed again.
 */
function singleFrameFacts(source: FileRow): { format: ImageFormat; width: number; height: number; frames: 1 } | null {
  if ((source.format !== 'jpeg' && source.format !== 'png') || !(source.width > 0) || !(source.height > 0)) return null;
  return { format: source.format, width: source.width, height: source.height, frames: 1 };
}
