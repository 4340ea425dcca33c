import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { DomainError, SERVE_FORMATS, ServeFormat } from '@mp/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FileServingService } from './file-serving.service';
import { Dialect } from '../dialects/dialect.decorator';
import { MEDIA_API_DIALECT } from './media-api.dialect';

/**
 * Seed 003 `GET /files/{file_path}` (no authentication, as in the seed: keys carry unguessable ids):
 * 302 to the object, or with `?type=` to its converted variant (made once, then reused).
 */
@Controller('files')
@Dialect(MEDIA_API_DIALECT, { authenticate: false })
export class FileServingController {
  constructor(private readonly files: FileServingService) {}

  @Get('*')
  async serve(@Req() request: FastifyRequest, @Query('type') type: unknown, @Res() reply: FastifyReply): Promise<void> {
    const key = (request.params as Record<string, string | undefined>)['*'] ?? '';
    const served = await this.files.serve(key, parseType(type));
    if (served.variant) void reply.header('x-variant-cache', served.variant);
    await reply.header('cache-control', 'private, max-age=60').redirect(served.location, 302);
  }
}

function parseType(type: unknown): ServeFormat | undefined {
  if (type === undefined || type === '') return undefined;
  if (typeof type === 'string' && (SERVE_FORMATS as readonly string[]).includes(type.toLowerCase()))
    return type.toLowerCase() as ServeFormat;
  throw new DomainError('ValidationFailed', `Unsupported type: expected one of ${SERVE_FORMATS.join(', ')}`, {
    type: String(type),
  });
}
