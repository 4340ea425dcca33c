import { Global, Module } from '@nestjs/common';
import { BestEffortCleanup } from './best-effort-cleanup';
import { CleanupFailuresMetrics } from './cleanup-failures.metrics';
import { StorageFailures } from './storage-failures';

/** What every dialect's HTTP routes share: object-store failures as clients see them, and the clean-up of what a failure left. */
@Global()
@Module({
  providers: [CleanupFailuresMetrics, BestEffortCleanup, StorageFailures],
  exports: [BestEffortCleanup, StorageFailures],
})
export class GatewayHttpModule {}
