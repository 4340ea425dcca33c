import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CreatePredictionBody, createPredictionBodySchema, DomainError, Prediction, Principal } from '@mp/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { Dialect } from '../dialects/dialect.decorator';
import { ZodPipe } from '../http/zod-validation.pipe';
import { STORAGE_DIALECT } from '../storage-api/storage.dialect';
import { preferWaitSeconds } from './prefer-wait';
import { PredictionsService } from './predictions.service';

const jobIdSchema = z.uuid({ error: 'job_id must be a UUID' });

/** Seed 000 predictions under /v1/predictions, authenticated by `X-API-Key: cdt_…`. */
@Controller('v1/predictions')
@Dialect(STORAGE_DIALECT)
export class PredictionsController {
  constructor(private readonly predictions: PredictionsService) {}

  /** 201 with the new job; 200 when an `Idempotency-Key` retry answers the first one. */
  @Post()
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodPipe(createPredictionBodySchema)) body: CreatePredictionBody,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Prediction> {
    const wait = preferWaitSeconds(prefer);
    const submitted = await this.predictions.create(principal, body, idempotencyKey).catch((err: unknown) => {
      const retryAfter = err instanceof DomainError ? err.details.retry_after_seconds : undefined;
      if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
      throw err;
    });
    reply.status(submitted.created ? 201 : 200);
    return this.settled(principal, submitted.prediction, wait, reply);
  }

  @Get(':job_id')
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('job_id', new ZodPipe(jobIdSchema)) jobId: string,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Prediction> {
    const wait = preferWaitSeconds(prefer);
    return this.settled(principal, await this.predictions.get(principal, jobId), wait, reply);
  }

  /** queued/processing → canceled; a finished prediction is answered unchanged (200 either way). */
  @Post(':job_id/cancel')
  @HttpCode(200)
  cancel(
    @CurrentPrincipal() principal: Principal,
    @Param('job_id', new ZodPipe(jobIdSchema)) jobId: string,
  ): Promise<Prediction> {
    return this.predictions.cancel(principal, jobId);
  }

  private async settled(
    principal: Principal,
    prediction: Prediction,
    wait: number | undefined,
    reply: FastifyReply,
  ): Promise<Prediction> {
    if (wait === undefined) return prediction;
    reply.header('preference-applied', `wait=${wait}`);
    return this.predictions.settle(principal, prediction, wait);
  }
}
