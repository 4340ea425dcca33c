import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, SkuResult } from '@mp/contracts';
import { ObjectStorage, ZipReader, ZipRefused, isZlibError } from '@mp/storage';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MediaResourceService } from '../media-resources/media-resource.service';
import { MediaUrls } from '../media-resources/media-url';
import { BulkUploadRepository, BulkUploadTaskRow, SkuOutcome } from './bulk-upload.repository';
import { ProductRow } from './product-rows';
import { ProductRepository } from './product.repository';
import { IMAGE_PROBE_BYTES } from '../verification/image-probe.adapter';
import { checkProductImage } from './sku-image-check';
import { SkuImage, skuImages } from './sku-images';

export const PRODUCT_ENTITY = 'product';

type Finished = SkuResult & { status: SkuOutcome };

/**
 * One CSV row to one product: its folder's images, each checked to be the image it claims (bytes,
 * dimensions, no symlinks), go through the media-resource ingest (temp
 * object → content-addressed resource), then the product, its attachments and the SKU's result
 * commit in one transaction. A SKU that fails is recorded as FAILED with the reason.
 */
@Injectable()
export class SkuImporter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly products: ProductRepository,
    private readonly tasks: BulkUploadRepository,
    private readonly media: MediaResourceService,
    private readonly storage: ObjectStorage,
    private readonly urls: MediaUrls,
  ) {}

  async import(task: BulkUploadTaskRow, zip: ZipReader, baseDir: string, row: ProductRow): Promise<SkuOutcome> {
    await this.tasks.setResult(task.id, row.key, { status: 'PROCESSING', row: row.row });
    if (row.error) return this.finish(task, row, { status: 'FAILED', row: row.row, error: row.error });
    if (await this.products.exists(task.team_id, row.sku)) return this.finish(task, row, this.existing(task, row));
    const { cover, extras } = skuImages(zip.entries, baseDir, row.sku);
    if (!cover)
      return this.finish(task, row, {
        status: 'FAILED',
        row: row.row,
        error: `no cover image in folder ${baseDir}${row.sku}/ (expected cover.jpg, cover.png, cover.webp, …)`,
      });
    let staged: Array<{ tempKey: string; resourceId: string; objectKey: string }>;
    try {
      staged = [];
      for (const image of [cover, ...extras]) staged.push(await this.stage(task.team_id, zip, image));
    } catch (err) {
      if (err instanceof ZipRefused || err instanceof DomainError)
        return this.finish(task, row, { status: 'FAILED', row: row.row, error: err.message });
      if (isZlibError(err))
        return this.finish(task, row, {
          status: 'FAILED',
          row: row.row,
          error: `corrupt compressed data in the ZIP: ${err.message}`,
        });
      throw err;
    }
    const outcome = await this.dataSource.transaction(async (manager) => {
      const productId = await this.products.insert(manager, {
        team_id: task.team_id,
        owner_id: task.owner_id,
        sku: row.sku,
        name: row.name,
        attributes: row.attributes,
        shooting_id: task.shooting_id,
        bulk_upload_id: task.id,
      });
      if (!productId) return null;
      const entity = { team_id: task.team_id, entity_type: PRODUCT_ENTITY, entity_id: productId };
      for (const s of staged) await this.media.attachInTransaction(manager, entity, s.resourceId, s.tempKey);
      const [coverUrl, ...imageUrls] = staged.map((s) => this.urls.urlOf(s.objectKey));
      const result: Finished = {
        status: 'COMPLETED',
        row: row.row,
        product_id: productId,
        cover_image_url: coverUrl,
        image_urls: imageUrls,
      };
      await this.tasks.finishSku(task.id, row.key, result, manager);
      return result.status;
    });
    await this.storage.deleteMany(staged.map((s) => s.tempKey));
    // Another task created the SKU between the check and the insert.
    return outcome ?? this.finish(task, row, this.existing(task, row));
  }

  private existing(task: BulkUploadTaskRow, row: ProductRow): Finished {
    return task.skip_existing_skus
      ? { status: 'SKIPPED', row: row.row, reason: 'a product with this SKU already exists' }
      : {
          status: 'FAILED',
          row: row.row,
          error: `a product with SKU "${row.sku}" already exists (pass skip_existing_skus=true to skip it)`,
        };
  }

  private async finish(task: BulkUploadTaskRow, row: ProductRow, result: Finished): Promise<SkuOutcome> {
    await this.tasks.finishSku(task.id, row.key, result);
    return result.status;
  }

  /** Streams the entry out of the archive into `temp/`, then ingests it (dedup + relocation). */
  private async stage(
    teamId: string,
    zip: ZipReader,
    image: SkuImage,
  ): Promise<{ tempKey: string; resourceId: string; objectKey: string }> {
    if (image.entry.isSymlink)
      throw new DomainError('ValidationFailed', `${image.entry.name}: a symbolic link, not an image`);
    const safeName = image.filename.replace(/[^A-Za-z0-9._-]/g, '_');
    const tempKey = `temp/${randomUUID()}_${Date.now()}_${safeName}`;
    await this.storage.put({
      key: tempKey,
      body: await zip.open(image.entry),
      contentType: image.contentType,
      contentLength: image.entry.uncompressedSize,
    });
    try {
      const head = await this.storage.readHead({ key: tempKey, bytes: IMAGE_PROBE_BYTES });
      await checkProductImage(image.entry.name, image.contentType, head);
    } catch (err) {
      await this.storage.delete(tempKey);
      throw err;
    }
    const { resource } = await this.media.ingest(teamId, tempKey, image.entry.name);
    return { tempKey, resourceId: resource.id, objectKey: resource.object_key };
  }
}
