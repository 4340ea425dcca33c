import { DomainError, IngestMediaResult } from '@mp/contracts';
import { JobQueue, RpcClient } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import { BootedApp, bootApp, createTestInfra, sleep, solidPng, TestInfra } from '@mp/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { filesConfigSchema } from '../src/app.config';
import { MediaResourceService } from '../src/media-resources/media-resource.service';
import { startFiles } from '../src/start';
import { keysUnder, putTemp, rpcOf, runJob, storageOf } from './media-test-kit';

const CDN = 'https://cdn.example.test';
const TEMP_TTL_MS = 1500;

/**
 * Media resources over NATS RPC against the real Postgres, Redis, NATS and embedded S3: relocation
 * on a miss, reuse on a hit, one resource under concurrent identical ingests, crash-and-retry,
 * attachments, the collector and the temp purge.
 */
describe('files: media resources (seed 003 MediaResourceService.ingest_all)', () => {
  let infra: TestInfra;
  let files: BootedApp;
  let storage: ObjectStorage;
  let rpc: RpcClient;
  const teamA = randomUUID();
  const teamB = randomUUID();

  const ingest = (team: string, entityId: string, urls: string[], entityType = 'product') =>
    rpc.request('files.media-resource.ingest', {
      team_id: team,
      user_id: null,
      entity_type: entityType,
      entity_id: entityId,
      urls,
    });
  const rpcError = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (err: DomainError) => err,
    );
  const resourceCount = async (team: string) =>
    Number(
      (
        await files.app
          .get(DataSource)
          .query('SELECT count(*)::int AS n FROM files.media_resources WHERE team_id = $1', [team])
      )[0].n,
    );

  beforeAll(async () => {
    infra = await createTestInfra({ s3: true });
    files = await bootApp({
      schema: filesConfigSchema,
      start: startFiles,
      env: {
        ...infra.env,
        CDN_URL: CDN,
        TEMP_OBJECT_TTL_MS: String(TEMP_TTL_MS),
        TEMP_PURGE_INTERVAL_MS: '3600000',
        MEDIA_GC_INTERVAL_MS: '3600000',
        MEDIA_GC_GRACE_MS: '0',
      },
    });
    storage = storageOf(infra);
    rpc = rpcOf(infra);
  });

  afterAll(async () => {
    storage?.destroy();
    await files?.close();
    await infra?.dispose();
  });

  it('miss: creates a resource and relocates the object to media/{id}/file.{ext}; the temp object is gone', async () => {
    const png = solidPng(8, 8, [10, 20, 30]);
    const temp = await putTemp(storage, 'cover.png', png);
    const fileUrl = `${infra.env.S3_ENDPOINT}/${infra.env.S3_BUCKET}/${temp}`;
    const { attachments } = await ingest(teamA, 'sku-1', [fileUrl]);
    expect(attachments).toHaveLength(1);
    const [a] = attachments;
    expect(a).toMatchObject({
      entity_type: 'product',
      entity_id: 'sku-1',
      position: 0,
      deduplicated: false,
      size: png.length,
      content_type: 'image/png',
      source_url: fileUrl,
    });
    expect(a.object_key).toBe(`media/${a.resource_id}/file.png`);
    expect(a.url).toBe(`${CDN}/media/${a.resource_id}/file.png`);
    expect(await storage.head(temp)).toBeNull();
    const moved = await storage.digest({ key: a.object_key, algorithms: ['sha256'] });
    expect(moved.sha256).toBe(a.sha256);
    expect(moved.size).toBe(png.length);
  });

  it('hit: identical bytes reuse the resource and the second temp object is deleted', async () => {
    const png = solidPng(9, 9, [1, 2, 3]);
    const first = await ingest(teamA, 'sku-2', [await putTemp(storage, 'a.png', png)]);
    const temp2 = await putTemp(storage, 'b-copy.png', png);
    const second = await ingest(teamA, 'sku-3', [temp2]);
    expect(second.attachments[0].deduplicated).toBe(true);
    expect(second.attachments[0].resource_id).toBe(first.attachments[0].resource_id);
    expect(second.attachments[0].url).toBe(first.attachments[0].url);
    expect(await storage.head(temp2)).toBeNull();
    expect(await keysUnder(storage, `media/${first.attachments[0].resource_id}/`)).toEqual([
      first.attachments[0].object_key,
    ]);
    // The same bytes in another team are another resource: nothing is shared across teams.
    const other = await ingest(teamB, 'sku-2', [await putTemp(storage, 'a.png', png)]);
    expect(other.attachments[0].deduplicated).toBe(false);
    expect(other.attachments[0].resource_id).not.toBe(first.attachments[0].resource_id);
  });

  it('concurrent ingests of identical bytes yield one resource and one object', async () => {
    const bytes = randomBytes(300_000);
    const temps = await Promise.all(
      Array.from({ length: 8 }, (_, i) => putTemp(storage, `same-${i}.jpg`, bytes, 'image/jpeg')),
    );
    const results: IngestMediaResult[] = await Promise.all(temps.map((t, i) => ingest(teamA, `parallel-${i}`, [t])));
    const ids = new Set(results.map((r) => r.attachments[0].resource_id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => !r.attachments[0].deduplicated)).toHaveLength(1);
    const [id] = [...ids];
    expect(await keysUnder(storage, `media/${id}/`)).toEqual([`media/${id}/file.jpg`]);
    for (const t of temps) expect(await storage.head(t)).toBeNull();
    const rows = await files.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM files.media_resources WHERE team_id = $1 AND id = $2', [teamA, id]);
    expect(rows[0].n).toBe(1);
  });

  it('a relocation interrupted before the attachment, or before the temp deletion, is retried without a lost or duplicated resource', async () => {
    const service = files.app.get(MediaResourceService);
    const png = solidPng(5, 7, [200, 0, 0]);
    const temp = await putTemp(storage, 'crash.png', png);
    const before = await resourceCount(teamA);
    // Crash after the copy, before the attachment: the temp object is still there.
    const half = await service.ingest(teamA, temp, 'urls[0]');
    expect(await storage.head(half.resource.object_key)).not.toBeNull();
    expect(await storage.head(temp)).not.toBeNull();
    const retried = await ingest(teamA, 'crash-entity', [temp]);
    expect(retried.attachments[0].resource_id).toBe(half.resource.id);
    expect(await storage.head(temp)).toBeNull();
    // Retrying once more after the temp object is gone finds the recorded ingestion.
    const again = await ingest(teamA, 'crash-entity', [temp]);
    expect(again.attachments[0].id).toBe(retried.attachments[0].id);
    expect(await resourceCount(teamA)).toBe(before + 1);
    expect(await keysUnder(storage, `media/${half.resource.id}/`)).toHaveLength(1);
  });

  it('lists an entity’s attachments in order, detaches, and collects resources left without attachments', async () => {
    const a = await putTemp(storage, 'one.png', solidPng(3, 3, [0, 90, 0]));
    const b = await putTemp(storage, 'two.webp', randomBytes(1000), 'image/webp');
    const kept = await putTemp(storage, 'kept.png', solidPng(3, 4, [0, 0, 90]));
    const { attachments } = await ingest(teamA, 'gallery', [a, b]);
    await ingest(teamA, 'other-entity', [kept]);
    const listed = await rpc.request('files.media-attachment.list', {
      team_id: teamA,
      entity_type: 'product',
      entity_id: 'gallery',
    });
    expect(listed.attachments.map((x) => [x.id, x.position])).toEqual([
      [attachments[0].id, 0],
      [attachments[1].id, 1],
    ]);
    // Team B sees nothing of team A's and cannot detach it.
    expect(
      (
        await rpc.request('files.media-attachment.list', {
          team_id: teamB,
          entity_type: 'product',
          entity_id: 'gallery',
        })
      ).attachments,
    ).toEqual([]);
    expect(
      (
        await rpcError(
          rpc.request('files.media-attachment.detach', { team_id: teamB, attachment_id: attachments[0].id }),
        )
      )?.code,
    ).toBe('NotFound');

    const detached = await rpc.request('files.media-attachment.detach', {
      team_id: teamA,
      attachment_id: attachments[0].id,
    });
    expect(detached).toEqual({ id: attachments[0].id, resource_id: attachments[0].resource_id, detached: true });
    expect(
      (
        await rpcError(
          rpc.request('files.media-attachment.detach', { team_id: teamA, attachment_id: attachments[0].id }),
        )
      )?.code,
    ).toBe('NotFound');
    expect(
      (
        await rpc.request('files.media-attachment.list', {
          team_id: teamA,
          entity_type: 'product',
          entity_id: 'gallery',
        })
      ).attachments.map((x) => x.id),
    ).toEqual([attachments[1].id]);

    const { deleted } = await runJob<{ deleted: number }>(files, 'CollectMediaResources');
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await storage.head(attachments[0].object_key)).toBeNull();
    expect(await storage.head(attachments[1].object_key)).not.toBeNull();
    const gone = await files.app
      .get(DataSource)
      .query('SELECT id FROM files.media_resources WHERE id = $1', [attachments[0].resource_id]);
    expect(gone).toEqual([]);
    // Attached resources survive every run.
    const again = await runJob<{ deleted: number }>(files, 'CollectMediaResources');
    expect(again.deleted).toBe(0);
  });

  it('refuses URLs outside temp/, missing temp files, and another team’s upload, naming the field', async () => {
    const outside = await rpcError(ingest(teamA, 'bad', ['temp/ok.png', 'media/x/file.png']));
    expect(outside).toMatchObject({ code: 'ValidationFailed' });
    expect(outside?.message).toContain('urls[1]');
    const traversal = await rpcError(ingest(teamA, 'bad', ['temp/../media/x/file.png']));
    expect(traversal?.code).toBe('ValidationFailed');
    const missing = await rpcError(ingest(teamA, 'bad', [`temp/${randomUUID()}_1_nothing.png`]));
    expect(missing?.code).toBe('NotFound');
    const badEntity = await rpcError(ingest(teamA, 'bad', ['temp/x.png'], 'Not A Type'));
    expect(badEntity?.code).toBe('ValidationFailed');

    // An upload session of team A (as the presigned PUT flow registers it) is not team B's to ingest.
    const temp = await putTemp(storage, 'private.png', solidPng(2, 2, [9, 9, 9]));
    await files.app.get(DataSource).query(
      `INSERT INTO files.files (team_id, object_key, filename, folder, declared_content_type, status, max_bytes, upload_expires_at, created_at, updated_at)
       VALUES ($1, $2, 'private.png', 'temp', 'image/png', 'pending', 52428800, now() + interval '15 minutes', now(), now())`,
      [teamA, temp],
    );
    expect((await rpcError(ingest(teamB, 'steal', [temp])))?.code).toBe('NotFound');
    expect(await storage.head(temp)).not.toBeNull();
    expect((await ingest(teamA, 'mine', [temp])).attachments).toHaveLength(1);
  });

  it('purges temp objects older than the TTL that were never ingested, and keeps fresh ones', async () => {
    const old = await putTemp(storage, 'abandoned.png', solidPng(2, 2, [1, 1, 1]));
    await sleep(TEMP_TTL_MS + 1100); // S3 Last-Modified has one-second resolution
    const fresh = await putTemp(storage, 'fresh.png', solidPng(2, 2, [2, 2, 2]));
    const { purged } = await runJob<{ purged: number }>(files, 'PurgeTempObjects');
    expect(purged).toBeGreaterThanOrEqual(1);
    expect(await storage.head(old)).toBeNull();
    expect(await storage.head(fresh)).not.toBeNull();
    const schedulers = await files.app.get(JobQueue).queue('media-maintenance').getJobSchedulers();
    expect(schedulers.map((s) => s.name).sort()).toEqual(['CollectMediaResources', 'PurgeTempObjects']);
  });
});
