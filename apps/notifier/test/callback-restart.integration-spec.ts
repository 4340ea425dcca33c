import { sleep, waitFor } from '@mp/testing';
import { callbackSuite } from './support/callback-suite';

/** At-least-once across a notifier restart: pending retries and requests made while it is down survive. */
describe('callback delivery across a notifier restart (real processes)', () => {
  const callbacks = callbackSuite(['notifier'], (receiverPort) => ({
    OUTBOUND_ALLOWLIST: '127.0.0.1',
    OUTBOUND_ALLOWED_PORTS: `80,443,${receiverPort}`,
    // Long enough that the notifier is stopped while the retry waits in the queue.
    CALLBACK_BACKOFF_BASE_MS: '4000',
    CALLBACK_BACKOFF_MAX_MS: '4000',
  }));
  const teamId = '0f6f2f61-3c1a-4d7e-8a55-6a7b8c9d0e1f';

  it('completes a delivery whose retry was pending when the notifier stopped, and one requested while it was down', async () => {
    let healthy = false;
    callbacks.receiver.on('/restart', () => (healthy ? { status: 200 } : { status: 503 }));
    const pendingId = await callbacks.client.requestCallback({
      team_id: teamId,
      url: callbacks.receiver.url('/restart'),
      body: { step: 'before-stop' },
    });
    await waitFor(() => callbacks.receiver.requestsTo('/restart').length === 1, {
      timeoutMs: 10_000,
      what: 'the first (failing) attempt',
    });
    await waitFor(
      async () =>
        (await callbacks.client.rpc('notifier.delivery.get', { team_id: teamId, delivery_id: pendingId })).status ===
        'retrying',
      {
        timeoutMs: 5000,
        what: 'the delivery to wait for its retry',
      },
    );

    expect(await callbacks.platform.stopApp('notifier')).toBe(0);
    healthy = true;
    const requestedWhileDown = await callbacks.client.requestCallback({
      team_id: teamId,
      url: callbacks.receiver.url('/while-down'),
      body: { step: 'while-down' },
    });
    await sleep(5000); // the retry falls due while no notifier runs
    expect(callbacks.receiver.requestsTo('/restart')).toHaveLength(1);
    expect(callbacks.receiver.requestsTo('/while-down')).toHaveLength(0);

    await callbacks.platform.startApp('notifier');
    await waitFor(
      () =>
        callbacks.receiver.requestsTo('/restart').length === 2 &&
        callbacks.receiver.requestsTo('/while-down').length === 1,
      {
        timeoutMs: 20_000,
        what: 'both deliveries after the restart',
      },
    );
    // The receiver answers before the notifier records the attempt: wait for the record.
    const resumed = await waitFor(
      async () => {
        const delivery = await callbacks.client.rpc('notifier.delivery.get', {
          team_id: teamId,
          delivery_id: pendingId,
        });
        return delivery.status === 'retrying' ? undefined : delivery;
      },
      { timeoutMs: 10_000, what: 'the resumed delivery to be recorded' },
    );
    expect(resumed).toMatchObject({ status: 'delivered', attempt_count: 2 });
    expect(resumed.attempts.map((a) => [a.attempt, a.outcome, a.status_code])).toEqual([
      [1, 'retry', 503],
      [2, 'delivered', 200],
    ]);
    await waitFor(
      async () =>
        (await callbacks.client.rpc('notifier.delivery.get', { team_id: teamId, delivery_id: requestedWhileDown }))
          .status === 'delivered',
      { timeoutMs: 10_000, what: 'the delivery requested while the notifier was down to be recorded' },
    );
    const ids = callbacks.receiver.requestsTo('/restart').map((r) => r.headers['webhook-id']);
    expect(ids).toEqual([pendingId, pendingId]);
  });
});
