import { sleep, waitFor } from '@mp/testing';
import { callbackSuite } from './support/callback-suite';

/** Without OUTBOUND_ALLOWLIST: private, loopback, link-local and metadata targets are refused. */
describe('outbound guard of a notifier without allowlist (real process)', () => {
  // The receiver's port is allowed, so only the address rule stands between it and the notifier.
  const callbacks = callbackSuite(['notifier'], (receiverPort) => ({
    OUTBOUND_ALLOWED_PORTS: `80,443,${receiverPort}`,
  }));
  const teamId = '5b0c9a57-0d3c-4c4e-9a39-2f4f3c1d7e10';

  const settled = (deliveryId: string) =>
    waitFor(
      async () => {
        const d = await callbacks.client.rpc('notifier.delivery.get', { team_id: teamId, delivery_id: deliveryId });
        return d.status === 'failed' || d.status === 'delivered' ? d : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 100, what: `delivery ${deliveryId} to settle` },
    );

  it.each([
    ['loopback (allowed port, no allowlist)', () => callbacks.receiver.url('/hook'), /127\.0\.0\.1 \(loopback\)/],
    ['localhost by name', () => `http://localhost:${callbacks.receiver.port}/hook`, /resolves to .* \(loopback\)/],
    ['IPv4-mapped loopback', () => `http://[::ffff:127.0.0.1]:${callbacks.receiver.port}/hook`, /\(loopback\)/],
    ['decimal loopback', () => `http://2130706433:${callbacks.receiver.port}/hook`, /127\.0\.0\.1 \(loopback\)/],
    ['cloud metadata', () => 'http://169.254.169.254/latest/meta-data/', /\(metadata\)/],
    ['private network', () => 'http://10.0.0.1/hook', /\(private\)/],
    ['private network over https', () => 'https://192.168.1.1/hook', /\(private\)/],
    ['CGNAT', () => 'http://100.64.0.1/hook', /\(cgnat\)/],
    ['link-local IPv6', () => 'http://[fe80::1]/hook', /\(link-local\)/],
    ['unspecified', () => 'http://0.0.0.0/hook', /\(unspecified\)/],
    [
      'a port other than 80/443',
      () => 'http://93.184.216.34:8080/hook',
      /port 8080 is not allowed \(allowed: 80, 443, \d+\)/,
    ],
    ['another port on https', () => 'https://93.184.216.34:22/', /port 22 is not allowed/],
  ])('refuses %s without any request and without retrying', async (_name, url, reason) => {
    const deliveryId = await callbacks.client.requestCallback({ team_id: teamId, url: url(), body: { probe: true } });
    const delivery = await settled(deliveryId);
    expect(delivery).toMatchObject({ status: 'failed', attempt_count: 1, last_status_code: null });
    expect(delivery.attempts).toEqual([expect.objectContaining({ outcome: 'refused', remote_address: null })]);
    expect(delivery.last_error).toMatch(reason);
  });

  it('never sent anything to the loopback receiver', async () => {
    await sleep(500);
    expect(callbacks.receiver.received).toHaveLength(0);
  });
});
