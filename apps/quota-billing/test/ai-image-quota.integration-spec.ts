import { RpcClient } from '@mp/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashSecret } from '../src/api-keys/api-key-secrets';
import { quotaBillingApp } from './support/quota-billing-app';

describe('quota-billing AI Image quota over NATS RPC', () => {
  const app = quotaBillingApp();
  let rpc: RpcClient;

  const kikakuKey = async (quota?: number) => {
    const team = await rpc.request('billing.team.create', { name: 'AI Image team' });
    const key = await rpc.request('billing.key.create', { team_id: team.id, kind: 'kikaku' });
    const ref = { team_id: team.id, key_id: key.id };
    if (quota !== undefined) await rpc.request('billing.key.update', { ...ref, quota_limit: quota });
    return ref;
  };
  const profileOf = async (ref: { team_id: string; key_id: string }) => {
    const { keys } = await rpc.request('billing.key.list', { team_id: ref.team_id });
    return keys.find((k) => k.id === ref.key_id)!.ai_image!;
  };

  beforeAll(async () => {
    rpc = app().rpc;
  });

  it('20 concurrent single-image generations against a quota of 5: exactly 5 billed, 15 refused', async () => {
    const ref = await kikakuKey(5);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const request_id = randomUUID();
        try {
          await rpc.request('billing.images.reserve', { ...ref, request_id, images: 1 });
        } catch (err) {
          return (err as { code: string }).code;
        }
        const settled = await rpc.request('billing.images.settle', { ...ref, request_id, delivered: 1 });
        return settled.billed_images === 1 ? 'billed' : 'unbilled';
      }),
    );
    expect(outcomes.filter((o) => o === 'billed')).toHaveLength(5);
    expect(outcomes.filter((o) => o === 'QuotaExceeded')).toHaveLength(15);
    await expect(profileOf(ref)).resolves.toMatchObject({ used_count: 5, reserved_count: 0, quota_limit: 5 });
    await expect(rpc.request('billing.images.usage', ref)).resolves.toMatchObject({
      quota_limit: 5,
      used_count: 5,
      remaining: 0,
      status: 'active',
    });
  });

  it('the refusal names the quota the seed way', async () => {
    const ref = await kikakuKey(2);
    await expect(
      rpc.request('billing.images.reserve', { ...ref, request_id: randomUUID(), images: 3 }),
    ).rejects.toMatchObject({
      code: 'QuotaExceeded',
      message:
        "Quota exhausted: this request needs 3 image(s) and 2 of this key's 2 remain. Contact the admin to extend the quota.",
    });
  });

  it('settle 0 refunds the whole reservation; a partial delivery is billed for what arrived', async () => {
    const ref = await kikakuKey(10);
    const failed = randomUUID();
    await rpc.request('billing.images.reserve', { ...ref, request_id: failed, images: 4 });
    await expect(profileOf(ref)).resolves.toMatchObject({ used_count: 0, reserved_count: 4 });
    await expect(rpc.request('billing.images.settle', { ...ref, request_id: failed, delivered: 0 })).resolves.toEqual({
      request_id: failed,
      billed_images: 0,
      refunded_images: 4,
      settled_now: true,
    });
    const partial = randomUUID();
    await rpc.request('billing.images.reserve', { ...ref, request_id: partial, images: 4 });
    await rpc.request('billing.images.settle', { ...ref, request_id: partial, delivered: 3 });
    await expect(profileOf(ref)).resolves.toMatchObject({ used_count: 3, reserved_count: 0 });
  });

  it('reserve and settle are idempotent on the request id; delivered never bills more than was reserved', async () => {
    const ref = await kikakuKey(10);
    const request_id = randomUUID();
    const first = await rpc.request('billing.images.reserve', { ...ref, request_id, images: 2 });
    const again = await rpc.request('billing.images.reserve', { ...ref, request_id, images: 2 });
    expect([first.created, again.created]).toEqual([true, false]);
    await expect(profileOf(ref)).resolves.toMatchObject({ reserved_count: 2 });
    const settled = await rpc.request('billing.images.settle', { ...ref, request_id, delivered: 5 });
    expect(settled).toMatchObject({ billed_images: 2, refunded_images: 0, settled_now: true });
    const replay = await rpc.request('billing.images.settle', { ...ref, request_id, delivered: 0 });
    expect(replay).toMatchObject({ billed_images: 2, settled_now: false });
    await expect(profileOf(ref)).resolves.toMatchObject({ used_count: 2, reserved_count: 0 });
  });

  it('a reservation nobody settles lapses and gives its images back; a late settle bills only delivered images', async () => {
    const ref = await kikakuKey(3);
    const stale = randomUUID();
    await rpc.request('billing.images.reserve', { ...ref, request_id: stale, images: 3 });
    await expect(
      rpc.request('billing.images.reserve', { ...ref, request_id: randomUUID(), images: 1 }),
    ).rejects.toMatchObject({ code: 'QuotaExceeded' });
    await app()
      .booted.app.get(DataSource)
      .query(
        `UPDATE "billing"."ai_image_reservations" SET "expires_at" = now() - interval '1 second' WHERE "request_id" = $1`,
        [stale],
      );
    const fresh = randomUUID();
    await rpc.request('billing.images.reserve', { ...ref, request_id: fresh, images: 2 });
    await expect(profileOf(ref)).resolves.toMatchObject({ reserved_count: 2 });
    await rpc.request('billing.images.settle', { ...ref, request_id: stale, delivered: 1 });
    await expect(profileOf(ref)).resolves.toMatchObject({ used_count: 1, reserved_count: 2 });
  });

  it('a suspended or expired key reserves nothing; reactivating or extending it lets it generate again', async () => {
    const ref = await kikakuKey();
    await rpc.request('billing.key.update', { ...ref, status: 'suspended' });
    await expect(
      rpc.request('billing.images.reserve', { ...ref, request_id: randomUUID(), images: 1 }),
    ).rejects.toMatchObject({
      code: 'KeySuspended',
      message: 'API key suspended. Contact the admin to reactivate it.',
    });
    await expect(rpc.request('billing.images.usage', ref)).resolves.toMatchObject({ status: 'suspended' });

    const past = new Date(Date.now() - 60_000).toISOString();
    await rpc.request('billing.key.update', { ...ref, status: 'active', expires_at: past });
    await expect(
      rpc.request('billing.images.reserve', { ...ref, request_id: randomUUID(), images: 1 }),
    ).rejects.toMatchObject({ code: 'KeyExpired', message: expect.stringContaining('API key expired on') });
    await expect(rpc.request('billing.images.usage', ref)).resolves.toMatchObject({
      status: 'expired',
      expires_at: past,
    });

    const future = new Date(Date.now() + 86_400_000).toISOString();
    await rpc.request('billing.key.update', { ...ref, expires_at: future });
    await expect(
      rpc.request('billing.images.reserve', { ...ref, request_id: randomUUID(), images: 1 }),
    ).resolves.toMatchObject({ reserved_images: 1 });
  });

  it('the profile: defaults, PATCH of every field, the principal carries the rate limit', async () => {
    const ref = await kikakuKey();
    await expect(profileOf(ref)).resolves.toEqual({
      owner_name: null,
      email: null,
      quota_limit: 1000,
      default_quota: true,
      used_count: 0,
      reserved_count: 0,
      status: 'active',
      expires_at: null,
      rate_limit_per_minute: null,
    });
    const updated = await rpc.request('billing.key.update', {
      ...ref,
      owner_name: 'John Doe',
      email: 'john@example.com',
      quota_limit: 50,
      used_count: 7,
      expires_at: '2099-01-15T10:00:00Z',
      rate_limit_per_minute: 30,
    });
    expect(updated.ai_image).toEqual({
      owner_name: 'John Doe',
      email: 'john@example.com',
      quota_limit: 50,
      default_quota: false,
      used_count: 7,
      reserved_count: 0,
      status: 'active',
      expires_at: '2099-01-15T10:00:00.000Z',
      rate_limit_per_minute: 30,
    });
    await rpc.request('billing.key.update', { ...ref, quota_limit: null });
    await expect(profileOf(ref)).resolves.toMatchObject({ quota_limit: 1000, default_quota: true, used_count: 7 });
  });

  it('authentication hands the gateway the key’s own rate limit', async () => {
    const team = await rpc.request('billing.team.create', { name: 'Rate team' });
    const key = await rpc.request('billing.key.create', { team_id: team.id, kind: 'kikaku' });
    const key_hash = hashSecret(key.key!);
    const before = await rpc.request('billing.key.authenticate', { key_hash });
    expect(before.kind).toBe('kikaku');
    expect(before.rate_limit_per_minute ?? null).toBeNull();
    await rpc.request('billing.key.update', { team_id: team.id, key_id: key.id, rate_limit_per_minute: 42 });
    await expect(rpc.request('billing.key.authenticate', { key_hash })).resolves.toMatchObject({
      rate_limit_per_minute: 42,
    });
  });

  it('PATCH refuses another team’s key, a key of another kind, and an empty body', async () => {
    const ref = await kikakuKey();
    const other = await rpc.request('billing.team.create', { name: 'Other team' });
    await expect(
      rpc.request('billing.key.update', { team_id: other.id, key_id: ref.key_id, quota_limit: 1 }),
    ).rejects.toMatchObject({ code: 'ApiKeyNotFound' });
    const s3 = await rpc.request('billing.key.create', { team_id: ref.team_id, kind: 'kikaku_s3' });
    await expect(
      rpc.request('billing.key.update', { team_id: ref.team_id, key_id: s3.id, quota_limit: 1 }),
    ).rejects.toMatchObject({ code: 'ApiKeyNotFound' });
    await expect(rpc.request('billing.key.update', { ...ref })).rejects.toMatchObject({ code: 'ValidationFailed' });
    await expect(
      rpc.request('billing.images.reserve', { team_id: other.id, key_id: ref.key_id, request_id: 'x', images: 1 }),
    ).rejects.toMatchObject({ code: 'ApiKeyNotFound' });
    const { keys } = await rpc.request('billing.key.list', { team_id: ref.team_id });
    expect(keys.find((k) => k.id === s3.id)!.ai_image).toBeUndefined();
  });
});
