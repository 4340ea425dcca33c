import { DynamicModule, Type } from '@nestjs/common';
import { PlatformModule, PlatformOptions } from './platform.module';

/** What a service adds to the platform: its own modules, controllers and providers. */
export type ServiceParts = Omit<DynamicModule, 'module' | 'global'>;

/** The dynamic module of one service: the platform (config, database, queues) first, then the service's parts. */
export function serviceModule(
  module: Type<unknown>,
  platform: PlatformOptions,
  parts: ServiceParts = {},
): DynamicModule {
  return { ...parts, module, imports: [PlatformModule.forRoot(platform), ...(parts.imports ?? [])] };
}
