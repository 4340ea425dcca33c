import { Module } from '@nestjs/common';
import { ImageBodyParsers } from './image-body-parsers';
import { ImageDeletesController } from './image-deletes.controller';
import { ImageFoldersController } from './image-folders.controller';
import { ImageOperationsController } from './image-operations.controller';
import { ImagePublicController } from './image-public.controller';
import { ImageUploadsController } from './image-uploads.controller';
import { ImageUsersController } from './image-users.controller';
import { PublicImageCache } from './public-image.cache';

/** Seed 001: folders, uploads, deletes, operations, the realtime service and public image URLs. */
@Module({
  controllers: [
    ImageFoldersController,
    ImageUploadsController,
    ImageOperationsController,
    ImageDeletesController,
    ImageUsersController,
    ImagePublicController,
  ],
  providers: [ImageBodyParsers, PublicImageCache],
})
export class ImageApiModule {}
