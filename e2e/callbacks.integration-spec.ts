import { CallbackDeliveryRequestedEvent } from '@mp/contracts';
import { buildEnvelope, encodeJson, wireNames } from '@mp/platform';
import { platformSuite, TEST_ADMIN_TOKEN, waitFor } from '@mp/testing';
import { randomUUID } from 'node:crypto';
import { callbackReceiverSuite } from './support/callback-receiver';
import { signatureValid } from './support/webhook-signature';

type Json = Record<string, unknown>;

describe('callback delivery log, redelivery and signing secret through the gateway admin API (real processes)', () => {
  const receiver = callbackReceiverSuite(400);
  let admin: (
    method: string,
    path: string,
    token?: string,
  ) => Promise<{ status: number; body: Json; headers: Headers }>;

  const suite = platformSuite({
    apps: ['quota-billing', 'notifier', 'gateway'],
    env: () => ({
      ...receiver.outboundSettings(),
      CALLBACK_BACKOFF_BASE_MS: '100',
    }),
    infra: { s3: false },
  });

  beforeAll(() => {
    admin = async (method, path, token = TEST_ADMIN_TOKEN) => {
      const res = await fetch(`${suite.gatewayUrl}/admin/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${token}` },
      });
      return { status: res.status, body: (await res.json()) as Json, headers: res.headers };
    };
  });

  /** A producer's request, as its outbox relay publishes it. */
  async function requestCallback(teamId: string, path: string, body: unknown): Promise<string> {
    const data: CallbackDeliveryRequestedEvent = {
      delivery_id: randomUUID(),
      team_id: teamId,
      url: receiver.url(path),
      event_type: 'image.operation.completed',
      body: body as CallbackDeliveryRequestedEvent['body'],
    };
    const envelope = buildEnvelope('callbacks.delivery.requested', data);
    await suite.infra.nc
      .jetstream()
      .publish(wireNames(suite.infra.namespace).event('callbacks.delivery.requested'), encodeJson(envelope), {
        msgID: envelope.id,
      });
    return data.delivery_id;
  }

  const settled = (teamId: string, deliveryId: string, round = 1) =>
    waitFor(
      async () => {
        const res = await admin('GET', `/teams/${teamId}/callbacks/${deliveryId}`);
        const b = res.body as { status?: string; round?: number };
        return res.status === 200 && b.round === round && (b.status === 'delivered' || b.status === 'failed')
          ? res.body
          : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 100, what: `delivery ${deliveryId} round ${round} to settle` },
    );

  async function createTeam(name: string): Promise<string> {
    const res = await fetch(`${suite.gatewayUrl}/admin/v1/teams`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });
    return ((await res.json()) as { id: string }).id;
  }

  it('shows the signing secret once, then only its hint; rotation returns a new one', async () => {
    const teamId = await createTeam('Secretive');
    const first = await admin('GET', `/teams/${teamId}/callback-secret`);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.body).toMatchObject({
      team_id: teamId,
      revealed: true,
      secret: expect.stringMatching(/^whsec_/),
      hint: expect.stringMatching(/^whsec_…/),
    });
    const second = await admin('GET', `/teams/${teamId}/callback-secret`);
    expect(second.body).toEqual({
      team_id: teamId,
      revealed: true,
      hint: first.body.hint,
      created_at: first.body.created_at,
    });
    const rotated = await admin('POST', `/teams/${teamId}/callback-secret`);
    expect(rotated.status).toBe(201);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(first.body.secret);
    expect((await admin('GET', `/teams/${teamId}/callback-secret`)).body.secret).toBeUndefined();
  });

  it('logs a failed delivery, redelivers it on request with the same id, signed with the current secret', async () => {
    const teamId = await createTeam('Redeliverers');
    const secret = (await admin('POST', `/teams/${teamId}/callback-secret`)).body.secret as string;
    receiver.status = 400;
    const body = { header: { isSuccessful: false, resultCode: 500201, resultMessage: 'Operation fail. ' }, id: '100' };
    const deliveryId = await requestCallback(teamId, '/redeliver?id=100', body);
    const failed = await settled(teamId, deliveryId);
    expect(failed).toMatchObject({ id: deliveryId, status: 'failed', attempt_count: 1, last_status_code: 400, body });

    const list = await admin('GET', `/teams/${teamId}/callbacks?status=failed&per_page=10`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({
      paging: { page: 1, per_page: 10, total: 1 },
      deliveries: [expect.objectContaining({ id: deliveryId, status: 'failed' })],
    });
    expect((await admin('GET', `/teams/${teamId}/callbacks?status=delivered`)).body).toMatchObject({
      paging: { total: 0 },
      deliveries: [],
    });

    receiver.status = 200;
    const redelivered = await admin('POST', `/teams/${teamId}/callbacks/${deliveryId}/redeliver`);
    expect(redelivered.status).toBe(202);
    expect(redelivered.body).toMatchObject({ id: deliveryId, status: 'pending', round: 2 });
    const done = await settled(teamId, deliveryId, 2);
    expect(done).toMatchObject({ status: 'delivered', attempt_count: 2, round: 2 });
    expect((done.attempts as Json[]).map((a) => [a.round, a.attempt, a.outcome, a.status_code])).toEqual([
      [1, 1, 'failed', 400],
      [2, 1, 'delivered', 200],
    ]);

    const attempts = receiver.received.filter((r) => r.headers['webhook-id'] === deliveryId);
    expect(attempts).toHaveLength(2);
    expect(
      attempts.every(
        (r) => r.path === '/redeliver?id=100' && r.body === JSON.stringify(body) && signatureValid(secret, r),
      ),
    ).toBe(true);

    // A delivered delivery can be redelivered again; while that attempt is under way, it cannot (409).
    receiver.delayMs = 1500;
    const third = await admin('POST', `/teams/${teamId}/callbacks/${deliveryId}/redeliver`);
    expect(third.status).toBe(202);
    await waitFor(() => receiver.received.filter((r) => r.headers['webhook-id'] === deliveryId).length === 3, {
      what: 'the third round to be under way',
    });
    const conflict = await admin('POST', `/teams/${teamId}/callbacks/${deliveryId}/redeliver`);
    expect(conflict).toMatchObject({ status: 409, body: { error: { code: 'Conflict' } } });
    receiver.delayMs = 0;
    expect(await settled(teamId, deliveryId, 3)).toMatchObject({ status: 'delivered', attempt_count: 3 });
  });

  it('keeps teams apart and answers bad input with 400/404, never 500', async () => {
    const owner = await createTeam('Owner');
    const stranger = await createTeam('Stranger');
    receiver.status = 200;
    const deliveryId = await requestCallback(owner, '/isolation', { x: 1 });
    await settled(owner, deliveryId);
    expect((await admin('GET', `/teams/${stranger}/callbacks/${deliveryId}`)).status).toBe(404);
    expect((await admin('POST', `/teams/${stranger}/callbacks/${deliveryId}/redeliver`)).status).toBe(404);
    expect((await admin('GET', `/teams/${stranger}/callbacks`)).body).toMatchObject({ paging: { total: 0 } });

    const bad = [
      await admin('GET', `/teams/${owner}/callbacks?status=bogus`),
      await admin('GET', `/teams/${owner}/callbacks?per_page=0`),
      await admin('GET', `/teams/${owner}/callbacks?per_page=1000`),
      await admin('GET', `/teams/${owner}/callbacks?page=abc`),
      await admin('GET', `/teams/${owner}/callbacks/not-a-uuid`),
      await admin('POST', `/teams/not-a-uuid/callbacks/${deliveryId}/redeliver`),
      await admin('GET', '/teams/not-a-uuid/callback-secret'),
    ];
    expect(bad.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 400, 400]);
    expect(bad[0].body).toMatchObject({
      error: { code: 'ValidationFailed', message: expect.stringContaining('status') },
    });
    expect((await admin('GET', `/teams/${owner}/callbacks/${randomUUID()}`)).status).toBe(404);
    expect((await admin('GET', `/teams/${randomUUID()}/callback-secret`)).status).toBe(404);
    expect((await admin('POST', `/teams/${randomUUID()}/callback-secret`)).status).toBe(404);
    expect((await admin('GET', `/teams/${owner}/callbacks`, 'wrong-token')).status).toBe(401);
  });
});
