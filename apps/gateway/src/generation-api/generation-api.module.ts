import { Module } from '@nestjs/common';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { AiImageAccountController } from './ai-image-account.controller';
import { AiImageAccountService } from './ai-image-account.service';
import { generationApiConfigProvider } from './generation-api.config';
import { GenerationRequestLog } from './generation-request-log';
import { ImageQuotaClient } from './image-quota.client';
import { GeneratedImagesFormatter } from './generated-images.formatter';
import { ImageGenerationsController } from './image-generations.controller';
import { IdempotencyStore } from '../http/idempotency.store';
import { ModelImageRateLimiter } from './model-image-rate.limiter';
import { ImageGenerationsService } from './image-generations.service';
import { ReferenceStaging } from './reference-staging';

/** Seed 002's AI Image API: image generation over the broker, the key's usage, request log and gallery. */
@Module({
  imports: [RateLimitModule],
  controllers: [ImageGenerationsController, AiImageAccountController],
  providers: [
    generationApiConfigProvider,
    ReferenceStaging,
    GeneratedImagesFormatter,
    IdempotencyStore,
    ModelImageRateLimiter,
    ImageGenerationsService,
    ImageQuotaClient,
    GenerationRequestLog,
    AiImageAccountService,
  ],
})
export class GenerationApiModule {}
