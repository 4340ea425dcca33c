import { Inject, Injectable } from '@nestjs/common';
import { IMAGE_RESULT, ImageUploadError, imagePathSchema, StagedImageFile } from '@mp/contracts';
import { APP_CONFIG, LOGGER } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import type { Logger } from 'pino';
import { ImageOpsConfig } from '../app.config';
import { isStagingKeyOf, isUploadKeyOf, newUploadKey } from '../storage/image-object-keys';
import { readObject } from '../storage/read-object';
import { join, parentOf } from '../tree/image-path';
import { ImageScope } from '../tree/image-scope';
import { readZip, ZipRefused } from './zip-reader';

/**
 * Expands a stored zip archive of a multiple upload into uploaded files (one per entry at its own
 * upload key, placed in the archive's folder with its sub-folders), within the zip-bomb limits.
 * The archive itself is dropped.
 */
@Injectable()
export class ZipExpander {
  constructor(
    private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: ImageOpsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async expand(
    scope: ImageScope,
    archive: StagedImageFile,
  ): Promise<{ files: StagedImageFile[]; errors: ImageUploadError[] }> {
    const files: StagedImageFile[] = [];
    const errors: ImageUploadError[] = [];
    const refuse = (path: string, bytes: number, message: string) =>
      errors.push({ path, bytes, error: { resultCode: IMAGE_RESULT.archiveRefused.code, resultMessage: message } });
    if (!isStagingKeyOf(scope, archive.staging_key) && !isUploadKeyOf(scope, archive.staging_key))
      return {
        files,
        errors: [
          {
            path: archive.path,
            bytes: archive.bytes,
            error: { resultCode: 400, resultMessage: 'staging_key is not one of this team' },
          },
        ],
      };
    try {
      const bytes = await readObject(this.storage, archive.staging_key, this.config.IMAGE_MAX_FILE_BYTES);
      const entries = readZip(bytes, {
        maxEntries: this.config.IMAGE_ZIP_MAX_ENTRIES,
        maxTotalBytes: this.config.IMAGE_ZIP_MAX_TOTAL_BYTES,
        maxEntryBytes: this.config.IMAGE_MAX_FILE_BYTES,
        maxRatio: this.config.IMAGE_ZIP_MAX_RATIO,
      });
      for (const entry of entries) {
        const path = imagePathSchema.safeParse(join(parentOf(archive.path), entry.name));
        const shown = path.success ? path.data : join(parentOf(archive.path), entry.name);
        if (!path.success) {
          refuse(shown, entry.size, `${entry.name}: not a valid image path`);
          continue;
        }
        try {
          const data = entry.read();
          const key = newUploadKey(scope); // adopted in place when the entry is accepted
          await this.storage.put({ key, body: data, contentType: 'application/octet-stream' });
          files.push({ staging_key: key, path: path.data, bytes: data.length });
        } catch (err) {
          if (!(err instanceof ZipRefused)) throw err;
          refuse(shown, entry.size, err.message);
        }
      }
    } catch (err) {
      if (!(err instanceof ZipRefused)) throw err;
      refuse(archive.path, archive.bytes, err.message);
    } finally {
      await this.storage
        .delete(archive.staging_key)
        .catch((err: unknown) => this.logger.warn({ err }, 'Staged archive left behind'));
    }
    return { files, errors };
  }
}
