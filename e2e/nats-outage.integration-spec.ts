import { createTeamWithKeys, NatsServerProcess, platformSuite, postUploadForm, waitFor } from '@mp/testing';

const PNG_1x1 = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cf00000301010018dd8db40000000049454e44ae426082',
  'hex',
);

describe('outbox relay across a NATS outage', () => {
  let nats: NatsServerProcess;
  beforeAll(async () => {
    nats = await NatsServerProcess.start();
  });
  const suite = platformSuite({
    apps: ['quota-billing', 'files', 'search-indexer', 'gateway'],
    infra: () => ({ natsUrl: nats.url }),
    env: { RECONCILE_INTERVAL_MS: '500' },
  });
  afterAll(() => nats?.stop());

  it('an upload made while NATS is down is indexed exactly once after it returns', async () => {
    const team = await createTeamWithKeys(suite.platform.gatewayUrl, 'outage', ['cdt']);
    const headers = { 'X-API-Key': team.keys.cdt!.key!, 'Content-Type': 'application/json' };
    const session = (await (
      await fetch(`${suite.platform.gatewayUrl}/v1/files/upload-url`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ filename: 'outage.png', folder: 'outage' }),
      })
    ).json()) as { upload_url: string; upload_fields: Record<string, string>; object_key: string };

    await nats.pause();
    expect((await postUploadForm(session, { name: 'outage.png', bytes: PNG_1x1 })).status).toBeLessThan(300);
    // With NATS down the store's event is lost; the reconciliation sweep still activates the file
    // and its event waits in the outbox.
    await new Promise((r) => setTimeout(r, 3000));
    await nats.resume();

    const search = async () =>
      (await (
        await fetch(`${suite.platform.gatewayUrl}/v1/files/storage/search`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ filters: { folder: 'outage' } }),
        })
      ).json()) as { total: number; files: Array<{ object_key: string }> };
    await waitFor(async () => (await search()).total >= 1, {
      timeoutMs: 30_000,
      what: 'the file to be indexed after the outage',
    });
    await new Promise((r) => setTimeout(r, 1500));
    const result = await search();
    expect(result.total).toBe(1);
    expect(result.files.map((f) => f.object_key)).toEqual([session.object_key]);
  });
});
