import { ALL_APPS, freePort, NatsServerProcess, platformSuite, waitFor } from '@mp/testing';

describe('every app boots, reports health and metrics, and stops gracefully', () => {
  let nats: NatsServerProcess;
  let gatewayMetricsPort: number;
  beforeAll(async () => {
    nats = await NatsServerProcess.start();
    gatewayMetricsPort = await freePort();
  });
  // Only the gateway reads METRICS_PORT: its public port serves no /metrics.
  const suite = platformSuite({
    apps: ALL_APPS,
    infra: () => ({ natsUrl: nats.url }),
    env: () => ({ METRICS_PORT: String(gatewayMetricsPort) }),
  });
  afterAll(() => nats?.stop());

  it.each(ALL_APPS)('%s is live and ready with its dependencies checked', async (app) => {
    const live = await fetch(`${suite.platform.url(app)}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${suite.platform.url(app)}/health/ready`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { checks: Record<string, { ok: boolean }> };
    expect(body.checks.nats.ok).toBe(true);
    if (app !== 'gateway') expect(body.checks.postgres?.ok).toBe(true);
  });

  it.each(ALL_APPS)('%s exposes Prometheus metrics', async (app) => {
    const base = app === 'gateway' ? `http://127.0.0.1:${gatewayMetricsPort}` : suite.platform.url(app);
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain(`app="${app}"`);
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('fails readiness while NATS is down and recovers when it returns', async () => {
    await nats.pause();
    try {
      await waitFor(async () => (await fetch(`${suite.platform.url('files')}/health/ready`)).status === 503, {
        timeoutMs: 15_000,
        what: 'files to report not ready',
      });
      const live = await fetch(`${suite.platform.url('files')}/health/live`);
      expect(live.status).toBe(200);
    } finally {
      await nats.resume();
    }
    await waitFor(async () => (await fetch(`${suite.platform.url('files')}/health/ready`)).status === 200, {
      timeoutMs: 20_000,
      what: 'files to be ready again',
    });
  });

  it('stops every app on SIGTERM with exit code 0', async () => {
    const codes = await Promise.all(ALL_APPS.map(async (app) => [app, await suite.platform.stopApp(app)] as const));
    expect(Object.fromEntries(codes)).toEqual(Object.fromEntries(ALL_APPS.map((app) => [app, 0])));
  });
});
