import Redis from 'ioredis';

/** BullMQ needs `maxRetriesPerRequest: null` so blocking commands survive reconnects. */
export function createRedis(url: string, name: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, connectionName: name });
}
