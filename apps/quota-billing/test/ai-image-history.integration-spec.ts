import { EventMap } from '@mp/contracts';
import { EventPublisher, RpcClient } from '@mp/platform';
import { sleep, waitFor } from '@mp/testing';
import { randomUUID } from 'node:crypto';
import { quotaBillingApp } from './support/quota-billing-app';

describe('quota-billing AI Image request log and gallery (JetStream events → RPC)', () => {
  const app = quotaBillingApp();
  let rpc: RpcClient;
  let events: EventPublisher;

  const kikakuKey = async () => {
    const team = await rpc.request('billing.team.create', { name: 'History team' });
    const key = await rpc.request('billing.key.create', { team_id: team.id, kind: 'kikaku' });
    return { team_id: team.id, key_id: key.id };
  };
  type Ref = Awaited<ReturnType<typeof kikakuKey>>;

  const logged = (ref: Ref, over: Partial<EventMap['usage.generation.logged']>) =>
    events.publish('usage.generation.logged', {
      request_id: randomUUID(),
      ...ref,
      model: 'seedream-4.5',
      status: 'success',
      response_time_ms: 1000,
      error_message: null,
      images_generated: 1,
      occurred_at: new Date().toISOString(),
      ...over,
    });
  const stored = (ref: Ref, over: Partial<EventMap['generation.image.stored']>) =>
    events.publish('generation.image.stored', {
      ...ref,
      origin: 'generation',
      source_job_id: randomUUID(),
      index: 0,
      object_key: `generations/${randomUUID()}.jpeg`,
      content_type: 'image/jpeg',
      bytes: 1234,
      width: 2048,
      height: 2048,
      model: 'seedream-4.5',
      prompt: 'A magical forest with glowing mushrooms',
      size_label: '2K',
      created_at: new Date().toISOString(),
      ...over,
    });
  const logsOf = (ref: Ref, window: { from?: string; until?: string; page?: number; limit?: number } = {}) =>
    rpc.request('billing.images.logs', { ...ref, page: 1, limit: 20, ...window });

  beforeAll(async () => {
    rpc = app().rpc;
    events = app().booted.app.get(EventPublisher);
  });

  it('logs newest first with integer ids, pages, and a date window; stats count successes and failures', async () => {
    const ref = await kikakuKey();
    await logged(ref, { occurred_at: '2025-01-01T00:00:00.000Z', response_time_ms: 1000 });
    await logged(ref, { occurred_at: '2025-06-15T14:30:00.000Z', response_time_ms: 2800 });
    await logged(ref, {
      occurred_at: '2025-12-31T23:59:59.000Z',
      status: 'failed',
      model: null,
      response_time_ms: 3,
      error_message: 'prompt is required',
      images_generated: 0,
    });
    await logged(ref, { occurred_at: '2026-01-01T00:00:00.000Z', response_time_ms: 4000 });
    const all = await waitFor(async () => {
      const page = await logsOf(ref);
      return page.pagination.total === 4 && page;
    });
    expect(all.logs.map((l) => l.timestamp)).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2025-12-31T23:59:59.000Z',
      '2025-06-15T14:30:00.000Z',
      '2025-01-01T00:00:00.000Z',
    ]);
    expect(Number.isInteger(all.logs[0].id)).toBe(true);
    expect(all.logs[1]).toEqual({
      id: all.logs[1].id,
      model: null,
      timestamp: '2025-12-31T23:59:59.000Z',
      status: 'failed',
      response_time_ms: 3,
      error_message: 'prompt is required',
    });

    const year = await logsOf(ref, { from: '2025-01-01T00:00:00.000Z', until: '2026-01-01T00:00:00.000Z' });
    expect(year.pagination.total).toBe(3);
    const second = await logsOf(ref, { page: 2, limit: 3 });
    expect(second).toMatchObject({ pagination: { page: 2, limit: 3, total: 4 } });
    expect(second.logs.map((l) => l.timestamp)).toEqual(['2025-01-01T00:00:00.000Z']);

    await expect(rpc.request('billing.images.usage', ref)).resolves.toMatchObject({
      stats: { total_requests: 4, successful_requests: 3, failed_requests: 1, avg_response_time_ms: 1951 },
    });
  });

  it('a redelivered log event is one row', async () => {
    const ref = await kikakuKey();
    const request_id = randomUUID();
    await logged(ref, { request_id });
    await logged(ref, { request_id, response_time_ms: 9 });
    await waitFor(async () => (await logsOf(ref)).pagination.total === 1);
    await sleep(300);
    const page = await logsOf(ref);
    expect(page.pagination.total).toBe(1);
    expect(page.logs[0].response_time_ms).toBe(1000);
  });

  it('the gallery holds each generated image once (by object key), newest first; predictions stay out', async () => {
    const ref = await kikakuKey();
    const first = `generations/${randomUUID()}.jpeg`;
    await stored(ref, { object_key: first, created_at: '2025-06-15T14:30:05.000Z' });
    await stored(ref, { object_key: first, created_at: '2025-06-15T14:30:05.000Z' });
    await stored(ref, { origin: 'prediction', created_at: '2025-06-16T00:00:00.000Z' });
    const latest = `generations/${randomUUID()}.jpeg`;
    await stored(ref, { object_key: latest, size_label: '2048x2048', created_at: '2025-06-17T00:00:00.000Z' });
    const gallery = await waitFor(async () => {
      const page = await rpc.request('billing.images.gallery', { ...ref, page: 1, limit: 20 });
      return page.pagination.total === 2 && page;
    });
    await sleep(300);
    expect((await rpc.request('billing.images.gallery', { ...ref, page: 1, limit: 20 })).pagination.total).toBe(2);
    expect(gallery.images.map((i) => [i.object_key, i.image_size, i.created_at])).toEqual([
      [latest, '2048x2048', '2025-06-17T00:00:00.000Z'],
      [first, '2K', '2025-06-15T14:30:05.000Z'],
    ]);
    expect(gallery.images[1]).toMatchObject({
      prompt: 'A magical forest with glowing mushrooms',
      model: 'seedream-4.5',
    });

    const other = await kikakuKey();
    await expect(rpc.request('billing.images.gallery', { ...other, page: 1, limit: 20 })).resolves.toMatchObject({
      pagination: { total: 0 },
    });
    await expect(
      rpc.request('billing.images.gallery', { team_id: other.team_id, key_id: ref.key_id, page: 1, limit: 20 }),
    ).resolves.toMatchObject({ pagination: { total: 0 } });
  });
});
