import { Injectable, Provider } from '@nestjs/common';
import { EventEnvelope } from '@mp/contracts';
import { createTestInfra, TestInfra } from '../../src';
import { BaseConfig, EventHandler, JobHandler, JobQueue, RpcHandler, ScheduledSweep, Sweeper } from '@mp/platform';
import { bootPlatform } from './support/boot-platform';

/** Both jobs of the `uploads` queue, so a worker for it may start. */
@Injectable()
class UploadJobs {
  @JobHandler('VerifyUpload')
  verify(): void {}

  @JobHandler('ReconcileUploads')
  reconcile(): void {}
}

/** Only one of the two: the other job of the queue must come from elsewhere. */
@Injectable()
class VerifierOnly {
  @JobHandler('VerifyUpload')
  verify(): void {}
}

@ScheduledSweep<BaseConfig>('ReconcileUploads', 'RPC_TIMEOUT_MS', { batch: 10 })
class ReconcileSweep implements Sweeper<string> {
  async nextBatch(): Promise<string[]> {
    return [];
  }
  async sweepBatch(): Promise<Record<string, number>> {
    return { done: 0 };
  }
}

/** What PlatformModule refuses at boot, before any worker, consumer or subscription runs. */
describe('handler checks at boot', () => {
  let infra: TestInfra;
  let boots = 0;

  beforeAll(async () => {
    infra = await createTestInfra();
  });

  afterAll(async () => {
    await infra?.dispose();
  });

  async function boot(providers: Provider[], queues = true) {
    const app = await bootPlatform(infra, { app: `checks${++boots}`, providers, queues: queues ? {} : undefined });
    await app.close();
  }

  it('refuses two handlers of one event subject', async () => {
    @Injectable()
    class First {
      @EventHandler('files.file.updated')
      onUpdated(event: EventEnvelope<'files.file.updated'>): void {
        void event;
      }
    }
    @Injectable()
    class Second {
      @EventHandler({ subject: 'files.file.updated', concurrency: 2 })
      alsoOnUpdated(): void {}
    }
    await expect(boot([First, Second], false)).rejects.toThrow(
      'Two event handlers for "files.file.updated": First.onUpdated and Second.alsoOnUpdated',
    );
  });

  it('refuses two handlers of one RPC subject', async () => {
    @Injectable()
    class Teams {
      @RpcHandler('billing.team.list')
      list() {
        return { teams: [] };
      }
    }
    @Injectable()
    class MoreTeams {
      @RpcHandler('billing.team.list')
      listAgain() {
        return { teams: [] };
      }
    }
    await expect(boot([Teams, MoreTeams], false)).rejects.toThrow('Two RPC handlers for "billing.team.list"');
  });

  it('refuses two handlers of one job', async () => {
    @Injectable()
    class AnotherVerifier {
      @JobHandler('VerifyUpload')
      verifyToo(): void {}
    }
    await expect(boot([UploadJobs, AnotherVerifier])).rejects.toThrow(
      'Two job handlers for "VerifyUpload": UploadJobs.verify and AnotherVerifier.verifyToo',
    );
  });

  it('refuses a sweep of a job that also has a @JobHandler', async () => {
    await expect(boot([UploadJobs, ReconcileSweep])).rejects.toThrow(
      'Two job handlers for "ReconcileUploads": UploadJobs.reconcile and ReconcileSweep',
    );
  });

  it('refuses a queue with a job nobody handles', async () => {
    await expect(boot([VerifierOnly])).rejects.toThrow('Queue "uploads" has jobs without a handler: ReconcileUploads');
  });

  it('refuses a sweep whose interval setting is not in the config', async () => {
    @ScheduledSweep<BaseConfig>('ReconcileUploads', 'NO_SUCH_INTERVAL_MS' as never, { batch: 10 })
    class Misconfigured implements Sweeper<string> {
      async nextBatch(): Promise<string[]> {
        return [];
      }
      async sweepBatch(): Promise<Record<string, number>> {
        return {};
      }
    }
    await expect(boot([VerifierOnly, Misconfigured])).rejects.toThrow(
      'Sweep ReconcileUploads: config NO_SUCH_INTERVAL_MS is not a positive number of ms',
    );
  });

  it('boots a complete set, a sweep counting as the handler of its job, and schedules the sweep', async () => {
    const app = await bootPlatform(infra, { app: 'complete', providers: [VerifierOnly, ReconcileSweep], queues: {} });
    try {
      const schedulers = await app.get(JobQueue).queue('uploads').getJobSchedulers();
      expect(schedulers.map((s) => ({ name: s.name, every: Number(s.every) }))).toEqual([
        { name: 'ReconcileUploads', every: 10_000 },
      ]);
    } finally {
      await app.close();
    }
  });
});
