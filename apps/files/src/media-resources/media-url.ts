import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@mp/platform';
import { FilesConfig } from '../app.config';

/**
 * Canonical media URLs: `{CDN_URL}/{object_key}`. Without a CDN, the gateway's seed 003 route
 * `{PUBLIC_BASE_URL}/files/{object_key}`, which answers with a signed redirect (the bucket is
 * private, so a bare object-store URL would answer 403); the public S3 endpoint + bucket only when
 * neither is configured (a public bucket).
 */
@Injectable()
export class MediaUrls {
  private readonly base: string;

  constructor(@Inject(APP_CONFIG) config: FilesConfig) {
    const fallback = `${(config.S3_PUBLIC_ENDPOINT ?? config.S3_ENDPOINT).replace(/\/+$/, '')}/${config.S3_BUCKET}`;
    const viaGateway = config.PUBLIC_BASE_URL && `${config.PUBLIC_BASE_URL.replace(/\/+$/, '')}/files`;
    this.base = (config.CDN_URL ?? viaGateway ?? fallback).replace(/\/+$/, '');
  }

  urlOf(objectKey: string): string {
    return `${this.base}/${objectKey.split('/').map(encodeURIComponent).join('/')}`;
  }
}
