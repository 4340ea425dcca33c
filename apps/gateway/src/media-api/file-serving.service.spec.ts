import { DomainError, RpcRequest, VARIANT_QUALITY } from '@mp/contracts';
import { RpcClient, wireNames } from '@mp/platform';
import { ObjectHead, ObjectStorage } from '@mp/storage';
import { strictMock } from '@mp/testing';
import type { NatsConnection } from 'nats';
import type { Logger } from 'pino';
import { GatewayConfig } from '../app.config';
import { FileServingService } from './file-serving.service';
import { SourceHeadCache } from './source-head.cache';

const KEY = 'temp/team/file-id/photo.jpg';

describe('FileServingService ?type=', () => {
  const setup = () => {
    const heads = new Map<string, string>([[KEY, 'etag-1']]);
    const ensured: RpcRequest<'images.variant.ensure'>[] = [];
    let converted = true;
    const storage = strictMock<ObjectStorage>({
      head: async (key): Promise<ObjectHead | null> => {
        const etag = heads.get(key);
        return etag === undefined
          ? null
          : { key, etag, size: 1, contentType: 'image/jpeg', lastModified: new Date(0), metadata: {} };
      },
      presignGet: async ({ key }) => `http://store/${key}?signed`,
    });
    const rpc = strictMock<RpcClient>({
      request: (async (subject: string, payload: RpcRequest<'images.variant.ensure'>) => {
        expect(subject).toBe('images.variant.ensure');
        ensured.push(payload);
        const made = converted;
        converted = false;
        return { derived_key: `variants/x/${heads.get(payload.source_key)}-q90.webp`, converted: made };
      }) as RpcClient['request'],
    });
    // Heads not remembered: every request sees the store as it is now.
    const sources = new SourceHeadCache(
      storage,
      strictMock<NatsConnection>({}),
      wireNames('unit'),
      { MEDIA_SOURCE_HEAD_CACHE_MS: 0 } as GatewayConfig,
      strictMock<Logger>({}),
    );
    return { service: new FileServingService(storage, rpc, sources), heads, ensured };
  };

  it('asks image-ops once per source version; a repeat is a hit answered from what the gateway remembers', async () => {
    const { service, ensured } = setup();
    expect(await service.serve(KEY, 'webp')).toEqual({
      location: 'http://store/variants/x/etag-1-q90.webp?signed',
      variant: 'miss',
    });
    expect(await service.serve(KEY, 'webp')).toEqual({
      location: 'http://store/variants/x/etag-1-q90.webp?signed',
      variant: 'hit',
    });
    expect(ensured).toEqual([
      { source_key: KEY, format: 'webp', quality: VARIANT_QUALITY, source: { etag: 'etag-1', size: 1 } },
    ]);
    await service.serve(KEY, 'avif');
    expect(ensured).toHaveLength(2);
  });

  it('asks again for a replaced source, and answers 404 for a deleted one without asking', async () => {
    const { service, heads, ensured } = setup();
    await service.serve(KEY, 'webp');
    heads.set(KEY, 'etag-2');
    expect((await service.serve(KEY, 'webp')).location).toBe('http://store/variants/x/etag-2-q90.webp?signed');
    expect(ensured).toHaveLength(2);
    heads.delete(KEY);
    await expect(service.serve(KEY, 'webp')).rejects.toMatchObject({ code: 'NotFound' } satisfies Partial<DomainError>);
    expect(ensured).toHaveLength(2);
  });
});
