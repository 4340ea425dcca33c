import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { DomainError, ImageGenerationResponse, Principal } from '@mp/contracts';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { Dialect } from '../dialects/dialect.decorator';
import { GENERATION_DIALECT } from './generation.dialect';
import { ImageGenerationsService } from './image-generations.service';

@Controller('v1/images')
@Dialect(GENERATION_DIALECT)
export class ImageGenerationsController {
  constructor(private readonly generations: ImageGenerationsService) {}

  @Post('generations')
  @HttpCode(200)
  async generate(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImageGenerationResponse> {
    const answer = await this.generations.generate(principal, body, idempotencyKey).catch((err: unknown) => {
      const retryAfter = err instanceof DomainError ? err.details.retry_after_seconds : undefined;
      if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
      throw err;
    });
    reply.header('x-provider', answer.provider);
    return answer.body;
  }
}
