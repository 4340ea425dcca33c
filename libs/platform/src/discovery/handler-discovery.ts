import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { DiscoveredHandler, discoverHandlers } from './discover-handlers';

export interface DiscoveredProvider<M> {
  instance: object;
  meta: M;
  owner: string;
}

/** Finds the app's providers and provider methods that our decorators marked. */
@Injectable()
export class HandlerDiscovery {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  /** Every provider method carrying `metadataKey`. */
  methods<M>(metadataKey: symbol): DiscoveredHandler<M>[] {
    return discoverHandlers<M>(this.discovery, this.scanner, metadataKey);
  }

  /** Every provider whose class carries `metadataKey`. */
  providers<M>(metadataKey: symbol): DiscoveredProvider<M>[] {
    const found: DiscoveredProvider<M>[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const meta = Reflect.getMetadata(metadataKey, instance.constructor) as M | undefined;
      if (meta !== undefined) found.push({ instance, meta, owner: instance.constructor.name });
    }
    return found;
  }
}
