import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@mp/platform';
import { FilesConfig } from '../app.config';

/** Canonical media URLs: `{CDN_URL}/{object_key}`, CDN_URL defaulting to the public S3 endpoint + bucket. */
@Injectable()
export class MediaUrls {
  private readonly base: string;

  constructor(@Inject(APP_CONFIG) config: FilesConfig) {
    const fallback = `${(config.S3_PUBLIC_ENDPOINT ?? config.S3_ENDPOINT).replace(/\/+$/, '')}/${config.S3_BUCKET}`;
    this.base = (config.CDN_URL ?? fallback).replace(/\/+$/, '');
  }

  urlOf(objectKey: string): string {
    return `${this.base}/${objectKey.split('/').map(encodeURIComponent).join('/')}`;
  }
}
