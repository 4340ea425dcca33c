import { DomainError, Prediction } from '@mp/contracts';
import { JobQueue, RpcClient } from '@mp/platform';
import { bootApp, BootedApp, createTestInfra, TestInfra, waitFor } from '@mp/testing';
import { randomUUID } from 'node:crypto';
import { generationBrokerConfigSchema } from '../src/app.config';
import { startGenerationBroker } from '../src/start';

/** The broker's prediction RPCs and `RunPrediction` jobs on the real Postgres, Redis, NATS and S3. */
describe('generation broker predictions (RPC and generations queue)', () => {
  let infra: TestInfra;
  let broker: BootedApp;
  let rpc: RpcClient;
  const team = randomUUID();
  const key = randomUUID();

  beforeAll(async () => {
    infra = await createTestInfra({ s3: true });
    broker = await bootApp({
      schema: generationBrokerConfigSchema,
      start: startGenerationBroker,
      env: { ...infra.env, GENERATION_PROVIDERS: 'seedream-4.0=local' },
    });
    rpc = broker.app.get(RpcClient);
  }, 60_000);
  afterAll(async () => {
    await broker?.close();
    await infra?.dispose();
  });

  const create = (model: string, input: Record<string, unknown>) =>
    rpc.request('generation.prediction.create', { team_id: team, key_id: key, model, input, references: [] });
  const finished = (jobId: string) =>
    waitFor(
      async () => {
        const p = await rpc.request('generation.prediction.get', { team_id: team, job_id: jobId });
        return ['completed', 'failed', 'canceled'].includes(p.status) ? p : undefined;
      },
      { timeoutMs: 30_000, what: 'the prediction to finish' },
    );
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected a refusal');
      },
      (err: unknown) => err as DomainError,
    );

  it('refuses a model the provider registry has no provider for, naming the configured ones', async () => {
    const err = await refusal(create('flux-kontext-pro', { prompt: 'x' }));
    expect(err.code).toBe('ModelNotAvailable');
    expect(err.message).toBe(
      'Model "flux-kontext-pro" is not available on this deployment; available models: seedream-4.0',
    );
    expect((await refusal(create('kling-1.6-pro', { prompt: 'x' }))).code).toBe('ModelNotAvailable');
  });

  it('refuses bad input at submission, before any job', async () => {
    const err = await refusal(create('seedream-4.0', { prompt: 'x', size: '5K' }));
    expect(err.code).toBe('ValidationFailed');
    expect(err.message).toMatch(/5K/);
    expect((await refusal(create('seedream-4.0', { prompt: '' }))).message).toBe('input.prompt must not be empty');
  });

  it('runs a prediction once: a second job for it finds it finished and changes nothing', async () => {
    const created = await create('seedream-4.0', { prompt: 'a lighthouse', size: '1K' });
    expect(created).toMatchObject({ status: 'queued', result: null, error: null });
    const done = await finished(created.job_id);
    expect(done.status).toBe('completed');
    expect(done.result).toMatch(/X-Amz-Expires=604800/);
    const jobs = broker.app.get(JobQueue);
    const again = `again-${created.job_id}`;
    await jobs.enqueue({ name: 'RunPrediction', data: { prediction_id: created.job_id } }, { jobId: again });
    await waitFor(async () => (await jobs.queue('generations').getJob(again))?.isCompleted(), {
      timeoutMs: 20_000,
      what: 'the second job to complete',
    });
    const after: Prediction = await rpc.request('generation.prediction.get', { team_id: team, job_id: done.job_id });
    expect(after.completed_at).toBe(done.completed_at);
    expect(after.status).toBe('completed');
  });

  it('keeps predictions per team and answers cancel of a finished one unchanged', async () => {
    const created = await create('seedream-4.0', { prompt: 'teams', size: '1K' });
    const other = randomUUID();
    const err = await refusal(rpc.request('generation.prediction.get', { team_id: other, job_id: created.job_id }));
    expect(err.code).toBe('NotFound');
    const done = await finished(created.job_id);
    const canceled = await rpc.request('generation.prediction.cancel', { team_id: team, job_id: created.job_id });
    expect(canceled.status).toBe(done.status);
  });
});
