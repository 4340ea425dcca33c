import { Injectable } from '@nestjs/common';
import { DomainError, MEDIA_RESOURCE_PREFIX, MEDIA_TEMP_PREFIX, ServeFormat, VARIANT_QUALITY } from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import { LRUCache } from 'lru-cache';
import { LORA_UPLOAD_PREFIX } from './lora-object-keys';
import { SourceHeadCache } from './source-head.cache';

/** Keys `/files/{path}` may serve: seed 003's temp uploads, canonical media and admin LoRA uploads, nothing of other dialects. */
const SERVABLE_PREFIXES = [MEDIA_TEMP_PREFIX, MEDIA_RESOURCE_PREFIX, LORA_UPLOAD_PREFIX];
/** Lifetime of the object URL a client is redirected to. */
const REDIRECT_URL_TTL_SECONDS = 300;
/** Variants this gateway has seen made, remembered by source key + source ETag + format. */
const KNOWN_VARIANTS = 10_000;

export interface ServedFile {
  location: string;
  /** With `?type=`: whether this request found the variant already made. */
  variant?: 'hit' | 'miss';
}

/**
 * Seed 003 `GET /files/{path}`: a redirect to a short-lived object URL, of the source or a format
 * variant. A variant is named by its source's ETag and never rewritten, so once image-ops has
 * answered for a source version the gateway remembers the variant's key: a repeat `?type=` costs
 * no RPC, and no store round trip while the source's HEAD is remembered (`SourceHeadCache`).
 */
@Injectable()
export class FileServingService {
  private readonly variants = new LRUCache<string, string>({ max: KNOWN_VARIANTS });

  constructor(
    private readonly storage: ObjectStorage,
    private readonly rpc: RpcClient,
    private readonly sources: SourceHeadCache,
  ) {}

  async serve(key: string, format: ServeFormat | undefined): Promise<ServedFile> {
    if (!isServable(key)) throw notFound();
    const head = await this.sources.head(key);
    if (!head) throw notFound();
    if (!format) {
      const location = await this.storage.presignGet({
        key,
        contentType: head.contentType,
        expiresInSeconds: REDIRECT_URL_TTL_SECONDS,
      });
      return { location };
    }
    const known = `${key}\u0000${head.etag}\u0000${format}\u0000${VARIANT_QUALITY}`;
    const remembered = this.variants.get(known);
    if (remembered) return { location: await this.redirectTo(remembered), variant: 'hit' };
    const variant = await this.rpc
      .request('images.variant.ensure', {
        source_key: key,
        format,
        quality: VARIANT_QUALITY,
        source: { etag: head.etag, size: head.size },
      })
      .catch((err: unknown) => {
        if (err instanceof DomainError && err.code === 'NotFound') throw notFound();
        throw err;
      });
    this.variants.set(known, variant.derived_key);
    return { location: await this.redirectTo(variant.derived_key), variant: variant.converted ? 'miss' : 'hit' };
  }

  private redirectTo(key: string): Promise<string> {
    return this.storage.presignGet({ key, expiresInSeconds: REDIRECT_URL_TTL_SECONDS });
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
