import { wireNames } from '@mp/platform';
import { platformSuite, RedisServerProcess, waitFor } from '@mp/testing';
import { Queue } from 'bullmq';
import Redis from 'ioredis';

/** A Redis restarted without persistence comes back empty: the apps must schedule their sweeps again. */
describe('sweep schedules after Redis restarts empty (real processes, private Redis)', () => {
  let redis: RedisServerProcess;
  beforeAll(async () => {
    redis = await RedisServerProcess.start();
  });
  const suite = platformSuite({ apps: ['notifier'], infra: () => ({ s3: false, redisUrl: redis.url }) });
  afterAll(() => redis?.stop());

  const schedulerIds = async (): Promise<string[]> => {
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue('callbacks', { connection, prefix: wireNames(suite.infra.namespace).bullPrefix });
    try {
      return (await queue.getJobSchedulers()).map((s) => s.key);
    } finally {
      await queue.close();
      connection.disconnect();
    }
  };

  it('re-creates the notifier sweep schedule once Redis is back', async () => {
    expect(await schedulerIds()).toEqual(['every-SweepCallbacks']);
    const marker = new Redis(redis.url, { maxRetriesPerRequest: null });
    await marker.set('fault-marker', '1');
    await redis.kill();
    await redis.resume();
    expect(await marker.get('fault-marker')).toBeNull();
    marker.disconnect();
    await waitFor(async () => (await schedulerIds()).includes('every-SweepCallbacks'), {
      timeoutMs: 15_000,
      intervalMs: 200,
      what: 'the sweep to be scheduled again',
    });
  });
});
