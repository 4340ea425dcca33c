import { Global, Module } from '@nestjs/common';
import { BestEffortCleanup } from './best-effort-cleanup';
import { CleanupFailuresMetrics } from './cleanup-failures.metrics';
import { gatewayObjectStorageProvider } from './object-storage.provider';

/**
 * What every dialect's HTTP routes share: the one object-store client of the gateway and the clean-up
 * of what a failure left in it.
 */
@Global()
@Module({
  providers: [gatewayObjectStorageProvider, CleanupFailuresMetrics, BestEffortCleanup],
  exports: [gatewayObjectStorageProvider, BestEffortCleanup],
})
export class GatewayHttpModule {}
