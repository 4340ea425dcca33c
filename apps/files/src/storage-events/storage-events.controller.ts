import {
  Body,
  Controller,
  Headers,
  HttpCode,
  Inject,
  NotFoundException,
  Post,
  UnauthorizedException,
} from '@nestjs/common';
import { APP_CONFIG } from '@mp/platform';
import { parseS3Notification, storageObjectFields } from '@mp/storage';
import { timingSafeEqual } from 'node:crypto';
import { FilesConfig } from '../app.config';
import { StorageEventsService } from './storage-events.service';

/** Webhook target for S3/MinIO bucket notifications (`Authorization: Bearer <STORAGE_EVENTS_TOKEN>`). */
@Controller('internal/storage-events')
export class StorageEventsController {
  constructor(
    private readonly events: StorageEventsService,
    @Inject(APP_CONFIG) private readonly config: FilesConfig,
  ) {}

  @Post()
  @HttpCode(200)
  async receive(
    @Headers('authorization') authorization: string | undefined,
    @Body() body: unknown,
  ): Promise<{ accepted: number }> {
    const token = this.config.STORAGE_EVENTS_TOKEN;
    if (!token) throw new NotFoundException();
    if (!authorization || !sameSecret(authorization, `Bearer ${token}`)) throw new UnauthorizedException();
    let accepted = 0;
    for (const record of parseS3Notification(body)) {
      if (!record.eventName.startsWith('ObjectCreated')) continue;
      const took = await this.events.accept(storageObjectFields(record));
      if (took) accepted++;
    }
    return { accepted };
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
