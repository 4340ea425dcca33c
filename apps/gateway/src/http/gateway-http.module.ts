import { Global, Module } from '@nestjs/common';
import { BestEffortCleanup } from './best-effort-cleanup';
import { CleanupFailuresMetrics } from './cleanup-failures.metrics';

/** What every dialect's HTTP routes share: the clean-up of what a failure left in the object store. */
@Global()
@Module({
  providers: [CleanupFailuresMetrics, BestEffortCleanup],
  exports: [BestEffortCleanup],
})
export class GatewayHttpModule {}
