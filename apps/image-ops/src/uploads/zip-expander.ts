import { Inject, Injectable } from '@nestjs/common';
import { IMAGE_RESULT, ImageUploadError, imagePathSchema, StagedImageFile } from '@mp/contracts';
import { APP_CONFIG, LOGGER } from '@mp/platform';
import { isZlibError, ObjectStorage, ZipLimits, ZipReader, ZipRefused } from '@mp/storage';
import type { Logger } from 'pino';
import { ImageOpsConfig } from '../app.config';
import { isStagingKeyOf, isUploadKeyOf, newUploadKey } from '../storage/image-object-keys';
import { join, parentOf } from '../tree/image-path';
import { ImageScope } from '../tree/image-scope';
import { storedArchive } from './stored-archive';

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
    let zip: ZipReader | undefined;
    try {
      const source = await storedArchive(this.storage, archive.staging_key, this.config.IMAGE_MAX_FILE_BYTES);
      zip = await ZipReader.open(source, this.limits());
      for (const entry of zip.entries) {
        if (entry.isDirectory || entry.name.startsWith('__MACOSX/')) continue;
        const path = imagePathSchema.safeParse(join(parentOf(archive.path), entry.name));
        const shown = path.success ? path.data : join(parentOf(archive.path), entry.name);
        if (!path.success) {
          refuse(shown, entry.uncompressedSize, `${entry.name}: not a valid image path`);
          continue;
        }
        try {
          // One entry in memory at a time, never more than an upload may be.
          const data = await zip.readAll(entry, this.config.IMAGE_MAX_FILE_BYTES);
          const key = newUploadKey(scope); // adopted in place when the entry is accepted
          await this.storage.put({ key, body: data, contentType: 'application/octet-stream' });
          files.push({ staging_key: key, path: path.data, bytes: data.length });
        } catch (err) {
          if (isZlibError(err)) refuse(shown, entry.uncompressedSize, `"${entry.name}" is corrupt (${err.message})`);
          else if (err instanceof ZipRefused) refuse(shown, entry.uncompressedSize, err.message);
          else throw err;
        }
      }
    } catch (err) {
      if (!(err instanceof ZipRefused)) throw err;
      refuse(archive.path, archive.bytes, err.message);
    } finally {
      zip?.close();
      await this.storage
        .delete(archive.staging_key)
        .catch((err: unknown) => this.logger.warn({ err }, 'Staged archive left behind'));
    }
    return { files, errors };
  }

  /** The image API's zip-bomb limits: every entry's ratio is checked, and names are stricter than zip-slip alone. */
  private limits(): ZipLimits {
    return {
      maxEntries: this.config.IMAGE_ZIP_MAX_ENTRIES,
      maxTotalBytes: this.config.IMAGE_ZIP_MAX_TOTAL_BYTES,
      maxEntryBytes: this.config.IMAGE_MAX_FILE_BYTES,
      maxRatio: this.config.IMAGE_ZIP_MAX_RATIO,
      ratioCheckMinBytes: 0,
      strictNames: true,
    };
  }
}
