import { Controller, Get, Query } from '@nestjs/common';
import {
  AiImageGalleryPage,
  AiImageGalleryQuery,
  aiImageGalleryQuerySchema,
  AiImageLogsPage,
  AiImageLogsQuery,
  aiImageLogsQuerySchema,
  AiImageUsage,
  Principal,
} from '@mp/contracts';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { Dialect } from '../dialects/dialect.decorator';
import { ZodQuery } from '../http/zod-validation.pipe';
import { AiImageAccountService } from './ai-image-account.service';
import { GENERATION_DIALECT } from './generation.dialect';

/** Seed 002: the calling key's quota and statistics, its request log and its gallery. */
@Controller('v1')
@Dialect(GENERATION_DIALECT, {
  rateLimit: {
    scope: 'generation-reads',
    policy: (config) => ({
      limit: config.GENERATION_READ_RATE_LIMIT,
      windowSeconds: config.GENERATION_RATE_LIMIT_WINDOW_SECONDS,
    }),
    perKey: false,
  },
})
export class AiImageAccountController {
  constructor(private readonly account: AiImageAccountService) {}

  @Get('usage')
  usage(@CurrentPrincipal() principal: Principal): Promise<AiImageUsage> {
    return this.account.usage(principal);
  }

  @Get('logs')
  logs(
    @CurrentPrincipal() principal: Principal,
    @Query(ZodQuery(aiImageLogsQuerySchema)) query: AiImageLogsQuery,
  ): Promise<AiImageLogsPage> {
    return this.account.logs(principal, query);
  }

  @Get('gallery')
  gallery(
    @CurrentPrincipal() principal: Principal,
    @Query(ZodQuery(aiImageGalleryQuerySchema)) query: AiImageGalleryQuery,
  ): Promise<AiImageGalleryPage> {
    return this.account.gallery(principal, query);
  }
}
