import { Global, Module } from '@nestjs/common';
import { BestEffortCleanup } from './best-effort-cleanup';
import { CleanupFailuresMetrics } from './cleanup-failures.metrics';
import { FilePartReceiver } from './file-part.receiver';
import { StorageFailures } from './storage-failures';

/**
 * What every dialect's HTTP routes share: object-store failures as clients see them, the clean-up of
 * what a failure left, and receiving a form's one file into the store.
 */
@Global()
@Module({
  providers: [CleanupFailuresMetrics, BestEffortCleanup, StorageFailures, FilePartReceiver],
  exports: [BestEffortCleanup, StorageFailures, FilePartReceiver],
})
export class GatewayHttpModule {}
