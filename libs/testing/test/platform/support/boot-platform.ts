import { Module, Provider } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TestInfra } from '../../../src';
import { baseConfigSchema, loadConfig, PlatformModule, PlatformOptions, startService } from '@mp/platform';

@Module({})
class PlatformTestModule {}

/** Boots PlatformModule alone on the test infrastructure, with the given providers (handlers). */
export function bootPlatform(
  infra: TestInfra,
  options: { app: string; providers: Provider[] } & Pick<PlatformOptions, 'database' | 'queues'>,
): Promise<NestFastifyApplication> {
  const config = loadConfig(baseConfigSchema, infra.env);
  const { app, providers, database, queues } = options;
  return startService({
    module: {
      module: PlatformTestModule,
      imports: [PlatformModule.forRoot({ app, config, database, queues })],
      providers,
    },
    config,
    port: 0,
    handleSignals: false,
  });
}
