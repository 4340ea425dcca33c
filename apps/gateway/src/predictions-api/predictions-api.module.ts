import { Module } from '@nestjs/common';
import { IdempotencyStore } from '../http/idempotency.store';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { PredictionsController } from './predictions.controller';
import { PredictionsService } from './predictions.service';

/** Seed 000's predictions (part of its storage dialect: `X-API-Key: cdt_…`, its error shape). */
@Module({
  imports: [RateLimitModule],
  controllers: [PredictionsController],
  providers: [IdempotencyStore, PredictionsService],
})
export class PredictionsApiModule {}
