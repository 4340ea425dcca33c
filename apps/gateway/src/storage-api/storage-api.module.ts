import { Module } from '@nestjs/common';
import { StorageFileController } from './storage-file.controller';
import { StorageFilesController } from './storage-files.controller';
import { StorageSearchMetaController } from './storage-search-meta.controller';

/** Seed 000: presigned uploads, search, metadata updates and deletes. */
@Module({ controllers: [StorageFilesController, StorageSearchMetaController, StorageFileController] })
export class StorageApiModule {}
