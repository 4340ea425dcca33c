import { DiscoveryService } from '@nestjs/core';
import { SCHEDULED_SWEEP, Sweeper, SweepOptions } from './scheduled-sweep.decorator';

export interface DiscoveredSweep {
  sweeper: Sweeper;
  options: SweepOptions;
  owner: string;
}

/** Finds every provider class marked @ScheduledSweep. */
export function discoverSweeps(discovery: DiscoveryService): DiscoveredSweep[] {
  const found: DiscoveredSweep[] = [];
  for (const wrapper of discovery.getProviders()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || typeof instance !== 'object') continue;
    const options = Reflect.getMetadata(SCHEDULED_SWEEP, instance.constructor) as SweepOptions | undefined;
    if (options) found.push({ sweeper: instance as Sweeper, options, owner: instance.constructor.name });
  }
  return found;
}
