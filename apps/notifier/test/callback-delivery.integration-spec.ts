import { CallbackDeliveryDetail, CallbackDeliveryRequestedEvent } from '@mp/contracts';
import { freePort, sleep, waitFor } from '@mp/testing';
import { callbackSuite } from './support/callback-suite';
import { verifySignature } from './support/platform-client';

describe('callback delivery (notifier as a real process, receiver on 127.0.0.1)', () => {
  let teamId: string;
  let deadPort: number;

  beforeAll(async () => {
    deadPort = await freePort();
  });
  const callbacks = callbackSuite(['quota-billing', 'notifier'], (receiverPort) => ({
    OUTBOUND_ALLOWLIST: '127.0.0.1',
    OUTBOUND_ALLOWED_PORTS: `80,443,${receiverPort},${deadPort}`,
    CALLBACK_BACKOFF_BASE_MS: '200',
    CALLBACK_BACKOFF_MAX_MS: '5000',
    CALLBACK_MAX_ATTEMPTS: '4',
    CALLBACK_TIMEOUT_MS: '3000',
  }));

  beforeAll(async () => {
    teamId = await callbacks.client.createTeam('Callbacks Inc');
  });

  /** Asks the notifier to call `url` with `body` for the team; answers the delivery id. */
  const requestTo = (
    url: string,
    body: CallbackDeliveryRequestedEvent['body'],
    fields: Partial<CallbackDeliveryRequestedEvent> = {},
  ) => callbacks.client.requestCallback({ team_id: teamId, url, body, ...fields });

  const settled = (deliveryId: string, team = teamId) =>
    waitFor(
      async () => {
        const d = await callbacks.client.rpc('notifier.delivery.get', { team_id: team, delivery_id: deliveryId });
        return d.status === 'delivered' || d.status === 'failed' ? d : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 100, what: `delivery ${deliveryId} to settle` },
    );

  it('delivers the body byte for byte with a Standard-Webhooks signature the receiver can verify', async () => {
    const body = {
      header: { isSuccessful: true, resultCode: 0, resultMessage: 'Success' },
      id: '100',
      operationId: '100x100',
      note: 'ünïcode ✓',
    };
    const deliveryId = await requestTo(callbacks.receiver.url('/signed?id=100'), body, {
      event_type: 'image.operation.completed',
    });
    const delivery = await settled(deliveryId);
    expect(delivery).toMatchObject({
      status: 'delivered',
      attempt_count: 1,
      last_status_code: 200,
      event_type: 'image.operation.completed',
      source: 'test',
    });

    const [request] = callbacks.receiver.requestsTo('/signed');
    expect(request.body).toBe(JSON.stringify(body));
    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      'webhook-id': deliveryId,
      'x-webhook-event': 'image.operation.completed',
    });
    expect(Math.abs(Number(request.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    expect(request.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);

    // The secret was generated for this first delivery; its first read reveals it, once.
    const secret = await callbacks.client.rpc('notifier.secret.get', { team_id: teamId });
    expect(secret.secret).toMatch(/^whsec_/);
    expect(verifySignature(secret.secret!, request.headers, request.body)).toBe(true);
    expect(verifySignature(secret.secret!, request.headers, request.body.replace('100x100', '100x101'))).toBe(false);
    expect(
      verifySignature(
        secret.secret!,
        { ...request.headers, 'webhook-timestamp': String(Number(request.headers['webhook-timestamp']) + 1) },
        request.body,
      ),
    ).toBe(false);
    const again = await callbacks.client.rpc('notifier.secret.get', { team_id: teamId });
    expect(again).toMatchObject({ revealed: true, hint: secret.hint });
    expect(again.secret).toBeUndefined();

    expect(delivery.attempts).toEqual([
      expect.objectContaining({
        round: 1,
        attempt: 1,
        outcome: 'delivered',
        status_code: 200,
        remote_address: '127.0.0.1',
        response_excerpt: 'ok',
        next_retry_at: null,
      }),
    ]);
    expect(callbacks.platform.logs('notifier')).not.toContain(secret.secret!.slice(6));
  });

  it('delivers a repeated request (same delivery id) once', async () => {
    const deliveryId = await requestTo(callbacks.receiver.url('/dedup'), { n: 1 });
    await settled(deliveryId);
    await requestTo(callbacks.receiver.url('/dedup'), { n: 1 }, { delivery_id: deliveryId });
    await sleep(1500);
    expect(callbacks.receiver.requestsTo('/dedup')).toHaveLength(1);
  });

  it('retries a 503 with backoff and delivers once it succeeds, every attempt logged', async () => {
    callbacks.receiver.on('/flaky', (n) => (n <= 2 ? { status: 503, body: 'busy' } : { status: 204 }));
    const deliveryId = await requestTo(callbacks.receiver.url('/flaky'), { flaky: true });
    const delivery = await settled(deliveryId);
    expect(delivery).toMatchObject({
      status: 'delivered',
      attempt_count: 3,
      last_status_code: 204,
      next_attempt_at: null,
    });
    expect(delivery.attempts.map((a) => [a.attempt, a.outcome, a.status_code])).toEqual([
      [1, 'retry', 503],
      [2, 'retry', 503],
      [3, 'delivered', 204],
    ]);
    expect(delivery.attempts[0]).toMatchObject({
      error: 'HTTP 503',
      response_excerpt: 'busy',
      next_retry_at: expect.any(String),
    });
    const requests = callbacks.receiver.requestsTo('/flaky');
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((r) => r.headers['webhook-id']))).toEqual(new Set([deliveryId]));
    expect(requests[2].at - requests[1].at).toBeGreaterThanOrEqual(150); // second backoff: 200 ms · 2 with jitter ≥ 200 ms
  });

  it('honours Retry-After on 429', async () => {
    callbacks.receiver.on('/throttled', (n) =>
      n === 1 ? { status: 429, headers: { 'retry-after': '2' } } : { status: 200 },
    );
    const deliveryId = await requestTo(callbacks.receiver.url('/throttled'), { throttled: true });
    const delivery = await settled(deliveryId);
    expect(delivery.attempts.map((a) => [a.outcome, a.status_code])).toEqual([
      ['retry', 429],
      ['delivered', 200],
    ]);
    const [first, second] = callbacks.receiver.requestsTo('/throttled');
    expect(second.at - first.at).toBeGreaterThanOrEqual(1900);
  });

  it('does not retry a 400 and records the final failure', async () => {
    callbacks.receiver.on('/rejects', () => ({ status: 400, body: '{"error":"bad"}' }));
    const deliveryId = await requestTo(callbacks.receiver.url('/rejects'), { bad: true });
    const delivery = await settled(deliveryId);
    expect(delivery).toMatchObject({
      status: 'failed',
      attempt_count: 1,
      last_status_code: 400,
      last_error: 'HTTP 400',
      completed_at: expect.any(String),
    });
    expect(delivery.attempts).toEqual([
      expect.objectContaining({ outcome: 'failed', status_code: 400, response_excerpt: '{"error":"bad"}' }),
    ]);
    await sleep(1500);
    expect(callbacks.receiver.requestsTo('/rejects')).toHaveLength(1);
  });

  it('gives up after the configured number of attempts', async () => {
    callbacks.receiver.on('/down', () => ({ status: 500 }));
    const deliveryId = await requestTo(callbacks.receiver.url('/down'), {});
    const delivery: CallbackDeliveryDetail = await settled(deliveryId);
    expect(delivery).toMatchObject({
      status: 'failed',
      attempt_count: 4,
      last_error: 'HTTP 500 (gave up after 4 attempts)',
    });
    expect(delivery.attempts.map((a) => a.outcome)).toEqual(['retry', 'retry', 'retry', 'failed']);
    expect(callbacks.receiver.requestsTo('/down')).toHaveLength(4);
  });

  it('retries network errors (nothing listening) and records them', async () => {
    const deliveryId = await requestTo(`http://127.0.0.1:${deadPort}/gone`, {});
    const delivery = await settled(deliveryId);
    expect(delivery).toMatchObject({ status: 'failed', attempt_count: 4, last_status_code: null });
    expect(delivery.attempts.map((a) => a.outcome)).toEqual(['retry', 'retry', 'retry', 'failed']);
    expect(delivery.attempts[0].error).toMatch(/^network error: ECONNREFUSED/);
  });

  it('refuses a port outside OUTBOUND_ALLOWED_PORTS even on an allowlisted address, without retrying', async () => {
    const deliveryId = await requestTo('http://127.0.0.1:1/hook', {});
    const delivery = await settled(deliveryId);
    expect(delivery).toMatchObject({ status: 'failed', attempt_count: 1 });
    expect(delivery.attempts).toEqual([
      expect.objectContaining({
        outcome: 'refused',
        status_code: null,
        remote_address: null,
        error: expect.stringContaining('port 1 is not allowed'),
      }),
    ]);
  });

  it('keeps the log per team: another team sees neither the delivery nor its list entries', async () => {
    const other = await callbacks.client.createTeam('Other team');
    const deliveryId = await requestTo(callbacks.receiver.url('/tenancy'), {});
    await settled(deliveryId);
    await expect(
      callbacks.client.rpc('notifier.delivery.get', { team_id: other, delivery_id: deliveryId }),
    ).rejects.toMatchObject({ code: 'NotFound' });
    expect((await callbacks.client.rpc('notifier.delivery.list', { team_id: other })).paging.total).toBe(0);
    const page = await callbacks.client.rpc('notifier.delivery.list', {
      team_id: teamId,
      status: 'failed',
      per_page: 100,
    });
    expect(page.deliveries.length).toBeGreaterThanOrEqual(2);
    expect(page.deliveries.every((d) => d.status === 'failed' && d.team_id === teamId)).toBe(true);
  });
});
