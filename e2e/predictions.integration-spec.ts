import { platformSuite, solidPng, TEST_ADMIN_TOKEN, waitFor } from '@mp/testing';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { searchFiles, uploadFile } from './support/seed-000-client';
import { imageSize } from './support/test-images-sharp.adapter';
import { callbackReceiverSuite } from './support/callback-receiver';
import { signatureValid } from './support/webhook-signature';

type Prediction = {
  job_id: string;
  model: string;
  status: 'queued' | 'processing' | 'completed' | 'failed' | 'canceled';
  result: string | null;
  error: string | null;
  queue_position: number | null;
  input: Record<string, unknown>;
};
type ErrorBody = { detail: string; error: { code: string; message: string; details?: Record<string, unknown> } };
type SearchBody = { total: number; files: Array<Record<string, unknown>> };

const pythonHasRequests = (() => {
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import requests'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Seed 000's predictions (`/v1/predictions`) over the broker's `generations` queue, with the embedded `local` provider. */
describe('Predictions (seed 000 /v1/predictions, real processes)', () => {
  const receiver = callbackReceiverSuite(204);

  const suite = platformSuite({
    apps: ['quota-billing', 'files', 'search-indexer', 'notifier', 'generation-broker', 'gateway'],
    env: () => ({
      ...receiver.outboundSettings(),
      CALLBACK_BACKOFF_BASE_MS: '100',
      RECONCILE_INTERVAL_MS: '1000',
      PREDICTION_WORKER_CONCURRENCY: '1',
      PREDICTION_REFERENCE_WAIT_MS: '6000',
    }),
    teams: { 'pred-a': ['cdt'], 'pred-b': ['cdt'] },
    startTimeoutMs: 120_000,
  });
  const keyA = () => suite.team('pred-a').keys.cdt!.key!;
  const keyB = () => suite.team('pred-b').keys.cdt!.key!;

  const post = (body: unknown, key = keyA(), headers: Record<string, string> = {}) =>
    fetch(`${suite.gatewayUrl}/v1/predictions`, {
      method: 'POST',
      headers: { 'X-API-Key': key, 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const get = (jobId: string, key = keyA(), headers: Record<string, string> = {}) =>
    fetch(`${suite.gatewayUrl}/v1/predictions/${jobId}`, { headers: { 'X-API-Key': key, ...headers } });
  const cancel = (jobId: string, key = keyA()) =>
    fetch(`${suite.gatewayUrl}/v1/predictions/${jobId}/cancel`, { method: 'POST', headers: { 'X-API-Key': key } });
  const settled = (jobId: string, key = keyA()) =>
    waitFor(
      async () => {
        const p = (await (await get(jobId, key)).json()) as Prediction;
        return ['completed', 'failed', 'canceled'].includes(p.status) ? p : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 200, what: `prediction ${jobId} to finish` },
    );
  const upload = async (name: string) => {
    const uploaded = await uploadFile(suite.gatewayUrl, keyA(), {
      name,
      bytes: solidPng(64, 48),
      type: 'image/png',
    });
    expect(uploaded.uploadStatus).toBeLessThan(300);
    return uploaded;
  };

  it('the seed curl (flux-kontext-pro with an uploaded file_url, read internally) completes with a JPEG URL the search finds', async () => {
    const { file_url } = await upload('reference_image.png');
    const res = await post({
      model: 'flux-kontext-pro',
      input: { prompt: 'change the background to a beach sunset', image_url: file_url },
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Prediction;
    expect(created.job_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(['queued', 'processing', 'completed']).toContain(created.status);
    const done = await settled(created.job_id);
    expect(done).toMatchObject({ status: 'completed', error: null, queue_position: null, model: 'flux-kontext-pro' });
    const image = await fetch(done.result!);
    expect(image.status).toBe(200);
    const size = await imageSize(Buffer.from(await image.arrayBuffer()));
    expect(size).toEqual({ format: 'jpeg', size: '1152x864' }); // the 1K preset at the reference's 4:3
    const found = await waitFor(
      async () => {
        const { body } = await searchFiles<SearchBody>(suite.gatewayUrl, keyA(), {
          source: 'prediction',
          source_job_id: created.job_id,
        });
        return body.total === 1 ? body : undefined;
      },
      { timeoutMs: 20_000, what: 'the output to be searchable' },
    );
    expect(found.files[0]).toMatchObject({
      metadata: { source_job_id: created.job_id, source_model: 'flux-kontext-pro' },
      content_type: 'image/jpeg',
    });
    const { body: otherTeam } = await searchFiles<SearchBody>(suite.gatewayUrl, keyB(), {
      source_job_id: created.job_id,
    });
    expect(otherTeam.total).toBe(0);
  });

  it('models without a provider are refused at submission with ModelNotAvailable naming the available ones', async () => {
    for (const model of ['kling-1.6-pro', 'fish-speech-1.5', 'no-such-model']) {
      const res = await post({ model, input: { prompt: 'camera slowly zooms in', text: 'hi', duration: 5 } });
      expect(res.status).toBe(400);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.code).toBe('ModelNotAvailable');
      expect(body.error.message).toContain(`"${model}"`);
      expect(body.error.message).toContain('flux-kontext-pro, seedream-4.5, seedream-4.0');
      expect(body.detail).toBe(body.error.message);
    }
  });

  it('bad input is a 400 in the dialect shape naming the field; bad ids 400; another team’s job 404', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ model: 'flux-kontext-pro', input: {} }, /input\.prompt is required/],
      [{ model: 'flux-kontext-pro', input: { prompt: 'x', image_url: 42 } }, /input\.image_url must be a string/],
      [{ model: 'flux-kontext-pro', input: { prompt: 'x', size: '9K' } }, /size/i],
      [{ model: 'flux-kontext-pro' }, /input/],
      [{ input: { prompt: 'x' } }, /model/],
      [{ model: 'flux-kontext-pro', input: { prompt: 'x' }, webhook: 'ftp://x' }, /webhook/],
      [{ model: 'flux-kontext-pro', input: { prompt: 'x' }, webhook_events_filter: ['done'] }, /webhook_events_filter/],
      ['[]', /./],
    ];
    for (const [body, message] of cases) {
      const res = await post(body);
      expect(res.status).toBe(400);
      const error = (await res.json()) as ErrorBody;
      expect(error.error.code).toBe('ValidationFailed');
      expect(error.error.message).toMatch(message);
    }
    const badId = await get('not-a-uuid');
    expect(badId.status).toBe(400);
    expect(((await badId.json()) as ErrorBody).error.message).toMatch(/job_id must be a UUID/);
    expect((await post({ model: 'seedream-4.0', input: { prompt: 'x' } }, keyA(), { Prefer: 'wait=61' })).status).toBe(
      400,
    );
    const mine = (await (
      await post({ model: 'seedream-4.0', input: { prompt: 'a red square' } })
    ).json()) as Prediction;
    const theirs = await get(mine.job_id, keyB());
    expect(theirs.status).toBe(404);
    expect(((await theirs.json()) as ErrorBody).error.code).toBe('NotFound');
    expect((await cancel(mine.job_id, keyB())).status).toBe(404);
    expect((await get('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    await settled(mine.job_id);
  });

  it('Prefer: wait answers the finished prediction', async () => {
    const res = await post({ model: 'seedream-4.0', input: { prompt: 'a blue circle', size: '1K' } }, keyA(), {
      Prefer: 'wait=60',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('preference-applied')).toBe('wait=60');
    const body = (await res.json()) as Prediction;
    expect(body.status).toBe('completed');
    expect(body.result).toMatch(/^http/);
    const again = await get(body.job_id, keyA(), { Prefer: 'wait' });
    expect(((await again.json()) as Prediction).status).toBe('completed');
  });

  it('Idempotency-Key: the same body answers the same job (200), another body 409', async () => {
    const body = { model: 'seedream-4.0', input: { prompt: 'a green triangle', size: '1K' } };
    const first = await post(body, keyA(), { 'Idempotency-Key': 'pred-idem-1' });
    expect(first.status).toBe(201);
    const job = ((await first.json()) as Prediction).job_id;
    const retry = await post(body, keyA(), { 'Idempotency-Key': 'pred-idem-1' });
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as Prediction).job_id).toBe(job);
    const other = await post({ ...body, input: { prompt: 'another' } }, keyA(), { 'Idempotency-Key': 'pred-idem-1' });
    expect(other.status).toBe(409);
    expect(((await other.json()) as ErrorBody).error.code).toBe('Conflict');
    await settled(job);
  });

  it('delivers the start and completed webhooks, signed with the team secret, once each', async () => {
    const teamId = suite.team('pred-a').teamId;
    const secretRes = await fetch(`${suite.gatewayUrl}/admin/v1/teams/${teamId}/callback-secret`, {
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    });
    const secret = ((await secretRes.json()) as { secret: string }).secret;
    const res = await post({
      model: 'seedream-4.0',
      input: { prompt: 'a webhook sunrise', size: '1K' },
      webhook: receiver.url('/hooks/pred'),
    });
    const job = ((await res.json()) as Prediction).job_id;
    const mine = () => receiver.received.filter((r) => r.path === '/hooks/pred' && r.body.includes(job));
    await waitFor(async () => mine().length >= 2 || undefined, { timeoutMs: 30_000, what: 'two webhooks' });
    const events = mine().map((r) => [r.headers['x-webhook-event'], (JSON.parse(r.body) as Prediction).status]);
    expect(events).toEqual([
      ['prediction.start', 'processing'],
      ['prediction.completed', 'completed'],
    ]);
    expect(mine().every((r) => signatureValid(secret, r))).toBe(true);
    expect(new Set(mine().map((r) => r.headers['webhook-id'])).size).toBe(2);
    const filtered = await post({
      model: 'seedream-4.0',
      input: { prompt: 'only the end', size: '1K' },
      webhook: receiver.url('/hooks/completed-only'),
      webhook_events_filter: ['completed'],
    });
    const filteredJob = ((await filtered.json()) as Prediction).job_id;
    await settled(filteredJob);
    await waitFor(async () => receiver.received.some((r) => r.body.includes(filteredJob)) || undefined, {
      timeoutMs: 20_000,
      what: 'the completed webhook',
    });
    expect(
      receiver.received.filter((r) => r.body.includes(filteredJob)).map((r) => r.headers['x-webhook-event']),
    ).toEqual(['prediction.completed']);
  });

  /** A reference of ours that is never uploaded keeps the single worker busy for PREDICTION_REFERENCE_WAIT_MS. */
  const blockWorker = async () => {
    const never = await fetch(`${suite.gatewayUrl}/v1/files/upload-url`, {
      method: 'POST',
      headers: { 'X-API-Key': keyA(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ filename: 'never.png', folder: 'inputs' }),
    });
    const { file_url } = (await never.json()) as { file_url: string };
    const res = await post({ model: 'flux-kontext-pro', input: { prompt: 'blocked', image_url: file_url } });
    const job = ((await res.json()) as Prediction).job_id;
    await waitFor(async () => ((await (await get(job)).json()) as Prediction).status === 'processing' || undefined, {
      timeoutMs: 10_000,
      what: 'the blocking job to start',
    });
    return job;
  };

  it('cancels a queued prediction; a reference that never arrives fails the job with a clear error', async () => {
    const blocker = await blockWorker();
    const queued = (await (await post({ model: 'seedream-4.0', input: { prompt: 'to cancel' } })).json()) as Prediction;
    expect(queued.status).toBe('queued');
    expect(queued.queue_position).toBe(1);
    const canceled = await cancel(queued.job_id);
    expect(canceled.status).toBe(200);
    expect(((await canceled.json()) as Prediction).status).toBe('canceled');
    const again = await cancel(queued.job_id);
    expect(again.status).toBe(200);
    expect(((await again.json()) as Prediction).status).toBe('canceled');
    const failed = await settled(blocker);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/input\.image_url names a file that does not exist/);
    expect((await settled(queued.job_id)).status).toBe('canceled');
  });

  it('a prediction queued while the broker restarts completes exactly once', async () => {
    const blocker = await blockWorker();
    const queued = (await (
      await post({ model: 'seedream-4.0', input: { prompt: 'survives', size: '1K' } })
    ).json()) as Prediction;
    expect(queued.status).toBe('queued');
    expect(await suite.platform.stopApp('generation-broker')).toBe(0);
    await suite.platform.startApp('generation-broker');
    const done = await settled(queued.job_id);
    expect(done.status).toBe('completed');
    await settled(blocker);
    const found = await waitFor(
      async () => {
        const { body } = await searchFiles<SearchBody>(suite.gatewayUrl, keyA(), { source_job_id: queued.job_id });
        return body.total >= 1 ? body : undefined;
      },
      { timeoutMs: 20_000, what: 'the output file' },
    );
    expect(found.total).toBe(1);
    const logs = suite.platform.logs('generation-broker');
    expect(logs.split(queued.job_id).length - 1).toBeLessThan(10);
  });

  const pythonCase = pythonHasRequests
    ? "runs the seed's Python upload_and_transform verbatim"
    : "SKIPPED: the seed's Python upload_and_transform needs /usr/bin/python3 with requests (Debian python3-requests)";
  (pythonHasRequests ? it : it.skip)(pythonCase, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pred-py-'));
    const photo = join(dir, 'photo.png');
    writeFileSync(photo, solidPng(64, 64));
    const out = await new Promise<string>((resolve, reject) =>
      execFile(
        '/usr/bin/python3',
        [join(__dirname, 'support/seed-000-upload-and-transform.py'), photo],
        { env: { ...process.env, API_KEY: keyA(), BASE_URL: `${suite.gatewayUrl}/v1` }, timeout: 90_000 },
        (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)),
      ),
    );
    const url = /^Result: (http\S+)$/m.exec(out)?.[1];
    expect(url).toBeDefined();
    const image = await fetch(url!);
    expect((await imageSize(Buffer.from(await image.arrayBuffer()))).format).toBe('jpeg');
  });
});
