import { Injectable } from '@nestjs/common';
import { DomainError, MEDIA_RESOURCE_PREFIX, MEDIA_TEMP_PREFIX, ServeFormat, VARIANT_QUALITY } from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import { LORA_UPLOAD_PREFIX } from './lora-object-keys';

/** Keys `/files/{path}` may serve: seed 003's temp uploads, canonical media and admin LoRA uploads, nothing of other dialects. */
const SERVABLE_PREFIXES = [MEDIA_TEMP_PREFIX, MEDIA_RESOURCE_PREFIX, LORA_UPLOAD_PREFIX];
/** Lifetime of the object URL a client is redirected to. */
const REDIRECT_URL_TTL_SECONDS = 300;

export interface ServedFile {
  location: string;
  /** With `?type=`: whether this request found the variant already made. */
  variant?: 'hit' | 'miss';
}

/** Seed 003 `GET /files/{path}`: a redirect to a short-lived object URL, of the source or a format variant. */
@Injectable()
export class FileServingService {
  constructor(
    private readonly storage: ObjectStorage,
    private readonly rpc: RpcClient,
  ) {}

  async serve(key: string, format: ServeFormat | undefined): Promise<ServedFile> {
    if (!isServable(key)) throw notFound();
    if (!format) {
      const head = await this.storage.head(key);
      if (!head) throw notFound();
      const location = await this.storage.presignGet({
        key,
        contentType: head.contentType,
        expiresInSeconds: REDIRECT_URL_TTL_SECONDS,
      });
      return { location };
    }
    const variant = await this.rpc
      .request('images.variant.ensure', { source_key: key, format, quality: VARIANT_QUALITY })
      .catch((err: unknown) => {
        if (err instanceof DomainError && err.code === 'NotFound') throw notFound();
        throw err;
      });
    const location = await this.storage.presignGet({
      key: variant.derived_key,
      expiresInSeconds: REDIRECT_URL_TTL_SECONDS,
    });
    return { location, variant: variant.converted ? 'miss' : 'hit' };
  }
}

function isServable(key: string): boolean {
  const segments = key.split('/');
  return (
    SERVABLE_PREFIXES.some((p) => key.startsWith(p)) &&
    segments.every((s) => s !== '' && s !== '.' && s !== '..') &&
    key.length <= 1024
  );
}

function notFound(): DomainError {
  return new DomainError('NotFound', 'File not found');
}
