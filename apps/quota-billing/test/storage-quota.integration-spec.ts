import { RpcClient } from '@mp/platform';
import { quotaBillingApp } from './support/quota-billing-app';

describe('quota-billing storage quota over NATS RPC', () => {
  const app = quotaBillingApp();
  let rpc: RpcClient;

  const storageKey = async (limit: number) => {
    const team = await rpc.request('billing.team.create', { name: 'Storage team' });
    const key = await rpc.request('billing.key.create', { team_id: team.id, kind: 'kikaku_s3' });
    const ref = { team_id: team.id, key_id: key.id };
    await rpc.request('billing.storage.set-limit', { ...ref, limit_bytes: limit });
    return ref;
  };

  beforeAll(async () => {
    rpc = app().rpc;
  });

  it('a streaming upload that outgrows the quota is told what was free before it began', async () => {
    const ref = await storageKey(100_000);
    const first = await rpc.request('billing.storage.reserve', { ...ref, bytes: 60_000 });
    await rpc.request('billing.storage.commit', {
      ...ref,
      reservation_id: first.reservation_id,
      object_key: 'first.bin',
      size: 60_000,
    });
    const second = await rpc.request('billing.storage.reserve', { ...ref, bytes: 32_768 });
    await expect(
      rpc.request('billing.storage.extend', { ...ref, reservation_id: second.reservation_id, bytes: 32_768 }),
    ).rejects.toMatchObject({
      code: 'QuotaExceeded',
      message:
        "Storage quota exceeded: the upload needs more than the 40000 bytes remaining of this key's 100000-byte quota",
    });
    await rpc.request('billing.storage.release', { ...ref, reservation_id: second.reservation_id });
    await expect(rpc.request('billing.storage.usage', ref)).resolves.toMatchObject({
      used_bytes: 60_000,
      reserved_bytes: 0,
      remaining_bytes: 40_000,
    });
  });

  it('a commit larger than its reservation is told the same figure', async () => {
    const ref = await storageKey(50_000);
    const held = await rpc.request('billing.storage.reserve', { ...ref, bytes: 10_000 });
    await expect(
      rpc.request('billing.storage.commit', {
        ...ref,
        reservation_id: held.reservation_id,
        object_key: 'big.bin',
        size: 60_000,
      }),
    ).rejects.toMatchObject({
      code: 'QuotaExceeded',
      message: expect.stringContaining('the 50000 bytes remaining'),
    });
  });
});
