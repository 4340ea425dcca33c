import { BulkUploadTask, DomainError } from '@mp/contracts';
import { RpcClient } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import {
  buildZip,
  buildZipWithRawNames,
  entryDataOffset,
  createTestInfra,
  PlatformProcesses,
  sleep,
  pngHeaderClaiming,
  solidPng,
  TestInfra,
  waitFor,
  ZipWriterEntry,
} from '@mp/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { keysUnder, rpcOf, storageOf } from './media-test-kit';

const CDN = 'https://cdn.example.test';

/**
 * Bulk upload of products from a ZIP, processed by the files service as a real process (so it can
 * be stopped and restarted mid-task), driven over NATS RPC as the gateway drives it.
 */
describe('files: products bulk upload (seed 003 /api/v1/products/bulk-upload/)', () => {
  let infra: TestInfra;
  let platform: PlatformProcesses;
  let storage: ObjectStorage;
  let rpc: RpcClient;
  let db: Client;
  const team = randomUUID();
  const owner = randomUUID();

  async function submit(
    zip: Buffer,
    options: { skip_existing_skus?: boolean; filename?: string; owner_id?: string } = {},
  ): Promise<BulkUploadTask> {
    const taskId = randomUUID();
    const key = `bulk-uploads/${team}/${taskId}.zip`;
    await storage.put({ key, body: zip, contentType: 'application/zip' });
    return rpc.request('files.bulk-upload.create', {
      team_id: team,
      owner_id: options.owner_id ?? owner,
      task_id: taskId,
      filename: options.filename ?? 'products.zip',
      object_key: key,
      caption_products: true,
      skip_existing_skus: options.skip_existing_skus ?? false,
      shooting_id: null,
    });
  }

  const get = (id: string, ownerId = owner) =>
    rpc.request('files.bulk-upload.get', { team_id: team, owner_id: ownerId, task_id: id });

  async function finished(id: string, timeoutMs = 30_000): Promise<BulkUploadTask> {
    return waitFor(
      async () => {
        const task = await get(id);
        return task.status === 'COMPLETED' || task.status === 'FAILED' ? task : undefined;
      },
      { timeoutMs, what: `bulk upload ${id} to finish` },
    );
  }

  beforeAll(async () => {
    infra = await createTestInfra({ s3: true });
    const env = { ...infra.env, CDN_URL: CDN, BULK_UPLOAD_MAX_RATIO: '100' };
    platform = await PlatformProcesses.start(env, ['files']);
    storage = storageOf(infra);
    rpc = rpcOf(infra);
    db = new Client({ connectionString: infra.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    storage?.destroy();
    await platform?.stopAll();
    await infra?.dispose();
  });

  it('creates products with their cover and extra images; a SKU without a cover fails alone', async () => {
    const coverA = solidPng(6, 6, [255, 0, 0]);
    const zip = await buildZip([
      {
        name: 'catalog/products.csv',
        data: Buffer.from(
          'sku,name,description,color\r\nA1,Shirt,"Soft, warm\nand ""red""",red\r\nB2,Hat,Plain,blue\r\nC3,Scarf,No cover here,green\r\n',
        ),
      },
      { name: 'catalog/A1/', data: Buffer.alloc(0), store: true },
      { name: 'catalog/A1/cover.png', data: coverA },
      { name: 'catalog/A1/back.png', data: solidPng(6, 6, [0, 255, 0]) },
      { name: 'catalog/A1/side.jpg', data: solidPng(7, 5, [0, 0, 255]), store: true },
      { name: 'catalog/A1/notes.txt', data: Buffer.from('ignored') },
      { name: 'catalog/B2/Cover.JPG', data: solidPng(5, 7, [9, 9, 0]) },
      { name: 'catalog/C3/detail.png', data: solidPng(3, 3, [1, 1, 1]) },
    ]);
    const created = await submit(zip);
    expect(created).toMatchObject({
      owner_id: owner,
      filename: 'products.zip',
      status: 'PENDING',
      total_products: 0,
      results: {},
      error_message: null,
      completed_at: null,
    });
    expect(created.file_url).toBe(`${CDN}/bulk-uploads/${team}/${created.id}.zip`);

    const task = await finished(created.id);
    expect(task).toMatchObject({
      status: 'COMPLETED',
      total_products: 3,
      processed_products: 3,
      successful_products: 2,
      failed_products: 1,
      skipped_products: 0,
      error_message: null,
    });
    expect(task.completed_at).not.toBeNull();
    expect(task.results.C3).toMatchObject({ status: 'FAILED', row: 4 });
    expect(task.results.C3.error).toContain('no cover image in folder catalog/C3/');
    const a1 = task.results.A1;
    expect(a1).toMatchObject({ status: 'COMPLETED', row: 2 });
    expect(a1.cover_image_url).toMatch(new RegExp(`^${CDN}/media/[0-9a-f-]{36}/file\\.png$`));
    expect(a1.image_urls).toHaveLength(2);
    expect(task.results.B2.cover_image_url).toMatch(/\/file\.jpg$/);

    const [product] = (await db.query('SELECT * FROM files.products WHERE team_id = $1 AND sku = $2', [team, 'A1']))
      .rows;
    expect(product).toMatchObject({
      id: a1.product_id,
      name: 'Shirt',
      owner_id: owner,
      attributes: { description: 'Soft, warm\nand "red"', color: 'red' },
    });
    const { attachments } = await rpc.request('files.media-attachment.list', {
      team_id: team,
      entity_type: 'product',
      entity_id: a1.product_id!,
    });
    expect(attachments.map((x) => x.url)).toEqual([a1.cover_image_url, ...a1.image_urls!]);
    const cover = await storage.digest({ key: attachments[0].object_key, algorithms: ['sha256'] });
    expect(cover.size).toBe(coverA.length);
    expect(
      await db
        .query('SELECT 1 FROM files.products WHERE team_id = $1 AND sku = $2', [team, 'C3'])
        .then((r) => r.rowCount),
    ).toBe(0);
    expect(await keysUnder(storage, 'temp/')).toEqual([]);
  });

  it('skip_existing_skus skips SKUs the team has; without it they fail', async () => {
    const files = (skus: string[]): ZipWriterEntry[] => [
      { name: 'p.csv', data: Buffer.from(`sku,name\n${skus.map((s) => `${s},Item ${s}`).join('\n')}\n`) },
      ...skus.map((s, i) => ({ name: `${s}/cover.webp`, data: solidPng(3 + i, 3, [i, 2, 3]) })),
    ];
    const skipped = await finished(
      (await submit(await buildZip(files(['A1', 'D4'])), { skip_existing_skus: true })).id,
    );
    expect(skipped).toMatchObject({
      status: 'COMPLETED',
      total_products: 2,
      processed_products: 2,
      successful_products: 1,
      skipped_products: 1,
      failed_products: 0,
    });
    expect(skipped.results.A1.status).toBe('SKIPPED');
    expect(skipped.results.D4.status).toBe('COMPLETED');
    const strict = await finished((await submit(await buildZip(files(['A1', 'E5'])))).id);
    expect(strict).toMatchObject({ successful_products: 1, failed_products: 1 });
    expect(strict.results.A1).toMatchObject({ status: 'FAILED' });
    expect(strict.results.A1.error).toContain('already exists');
  });

  it('refuses a zip-slip entry and a zip bomb with the reason in error_message', async () => {
    const slip = await finished(
      (
        await submit(
          await buildZipWithRawNames([
            { name: 'p.csv', data: Buffer.from('sku\nZ1\n') },
            { name: 'Z1/../../evil.png', data: Buffer.from('x') },
          ]),
        )
      ).id,
    );
    expect(slip).toMatchObject({ status: 'FAILED', processed_products: 0 });
    expect(slip.error_message).toContain('zip-slip');
    expect(slip.error_message).toContain('Z1/../../evil.png');

    const bomb = await finished(
      (
        await submit(
          await buildZip([
            { name: 'p.csv', data: Buffer.from('sku\nZ2\n') },
            { name: 'Z2/cover.png', data: Buffer.alloc(20 * 1024 * 1024) },
          ]),
        )
      ).id,
    );
    expect(bomb).toMatchObject({ status: 'FAILED', processed_products: 0 });
    expect(bomb.error_message).toMatch(
      /"Z2\/cover\.png" has a compression ratio of \d+:1; at most 100:1 is allowed \(zip bomb\)/,
    );
    expect(await db.query("SELECT 1 FROM files.products WHERE sku IN ('Z1', 'Z2')").then((r) => r.rowCount)).toBe(0);

    const notZip = await finished((await submit(Buffer.from('this is not a zip'))).id);
    expect(notZip.error_message).toContain('not a ZIP archive');
    const noCsv = await finished((await submit(await buildZip([{ name: 'A/cover.png', data: Buffer.from('x') }]))).id);
    expect(noCsv.error_message).toBe('The ZIP contains no CSV file');
  });

  it('fails SKUs whose images are not images: an executable, a symlink, a pixel bomb (issue 9, item 6)', async () => {
    const zip = await buildZip([
      { name: 'p.csv', data: Buffer.from('sku\nX0\nX1\nX2\nX3\n') },
      { name: 'X0/cover.png', data: solidPng(4, 4, [3, 3, 3]) },
      { name: 'X1/cover.png', data: Buffer.from('MZ this is an exe') },
      { name: 'X2/cover.png', data: Buffer.from('../../../etc/passwd'), mode: 0o120777 },
      { name: 'X3/cover.png', data: pngHeaderClaiming(50_000, 50_000) },
    ]);
    const task = await finished((await submit(zip)).id);
    expect(task).toMatchObject({ status: 'COMPLETED', successful_products: 1, failed_products: 3 });
    expect(task.results.X1.error).toContain('the bytes are not an image');
    expect(task.results.X2.error).toContain('symbolic link');
    expect(task.results.X3.error).toContain('50000×50000 pixels');
    expect(await keysUnder(storage, 'temp/')).toEqual([]);
  });

  it('fails only the SKU whose image data is corrupt', async () => {
    const zip = await buildZip([
      { name: 'p.csv', data: Buffer.from('sku\nK1\nK2\n') },
      { name: 'K1/cover.png', data: solidPng(4, 4, [7, 7, 7]) },
      { name: 'K2/cover.png', data: randomBytes(4000) },
    ]);
    // Garble the start of K2's deflate stream so that inflating it fails.
    const k2Data = entryDataOffset(zip, 'K2/cover.png');
    zip.fill(0xff, k2Data, k2Data + 64);
    const task = await finished((await submit(zip)).id);
    expect(task).toMatchObject({ status: 'COMPLETED', successful_products: 1, failed_products: 1 });
    expect(task.results.K1.status).toBe('COMPLETED');
    expect(task.results.K2).toMatchObject({ status: 'FAILED', error: expect.stringMatching(/corrupt/) });
  });

  it('resumes after the files process restarts mid-task, without redoing or duplicating SKUs', async () => {
    const skus = Array.from({ length: 120 }, (_, i) => `R${String(i).padStart(3, '0')}`);
    const zip = await buildZip([
      { name: 'p.csv', data: Buffer.from(`sku,name\n${skus.map((s) => `${s},Resumable ${s}`).join('\n')}\n`) },
      ...skus.map((s, i) => ({
        name: `${s}/cover.png`,
        data: solidPng(2 + (i % 60), 2 + Math.floor(i / 60)),
        store: true,
      })),
    ]);
    const created = await submit(zip);
    const mid = await waitFor(
      async () => {
        const t = await get(created.id);
        return t.processed_products >= 5 ? t : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 20, what: 'the task to be under way' },
    );
    expect(mid.status).toBe('PROCESSING');
    expect(await platform.stopApp('files')).toBe(0);
    const stopped = await get(created.id).catch((err: DomainError) => err);
    expect(stopped).toBeInstanceOf(DomainError); // nobody answers while files is down
    const atStop = (
      await db.query('SELECT status, processed_products, total_products FROM files.bulk_upload_tasks WHERE id = $1', [
        created.id,
      ])
    ).rows[0];
    expect(atStop.status).toBe('PROCESSING');
    expect(atStop.processed_products).toBeLessThan(120);
    expect(atStop.total_products).toBe(120);
    await sleep(300);
    expect(
      (await db.query('SELECT processed_products FROM files.bulk_upload_tasks WHERE id = $1', [created.id])).rows[0]
        .processed_products,
    ).toBe(atStop.processed_products);

    await platform.startApp('files');
    const task = await finished(created.id, 60_000);
    expect(task).toMatchObject({
      status: 'COMPLETED',
      total_products: 120,
      processed_products: 120,
      successful_products: 120,
      failed_products: 0,
    });
    expect(Object.values(task.results).every((r) => r.status === 'COMPLETED')).toBe(true);
    const count = await db.query("SELECT count(*)::int AS n FROM files.products WHERE team_id = $1 AND sku LIKE 'R%'", [
      team,
    ]);
    expect(count.rows[0].n).toBe(120);
    const attachments = await db.query(
      "SELECT count(*)::int AS n FROM files.media_resource_attachments a JOIN files.products p ON p.id::text = a.entity_id WHERE p.sku LIKE 'R%' AND a.entity_type = 'product'",
    );
    expect(attachments.rows[0].n).toBe(120);
  });

  it('lists the owner’s tasks with status, skip and limit; get is owner-scoped', async () => {
    const all = await rpc.request('files.bulk-upload.list', { team_id: team, owner_id: owner });
    expect(all.tasks.length).toBeGreaterThanOrEqual(9);
    const createdAt = all.tasks.map((t) => t.created_at);
    expect([...createdAt].sort().reverse()).toEqual(createdAt);
    const failed = await rpc.request('files.bulk-upload.list', { team_id: team, owner_id: owner, status: 'FAILED' });
    expect(failed.tasks.length).toBe(4);
    expect(failed.tasks.every((t) => t.status === 'FAILED')).toBe(true);
    const page = await rpc.request('files.bulk-upload.list', { team_id: team, owner_id: owner, skip: 1, limit: 2 });
    expect(page.tasks.map((t) => t.id)).toEqual(all.tasks.slice(1, 3).map((t) => t.id));
    expect((await rpc.request('files.bulk-upload.list', { team_id: team, owner_id: randomUUID() })).tasks).toEqual([]);
    const other = await get(all.tasks[0].id, randomUUID()).catch((err: DomainError) => err);
    expect(other).toMatchObject({ code: 'NotFound', message: 'Bulk upload task not found' });
    const badStatus = await rpc
      .request('files.bulk-upload.list', { team_id: team, owner_id: owner, status: 'DONE' as never })
      .catch((err: DomainError) => err);
    expect(badStatus).toMatchObject({ code: 'ValidationFailed' });
  });
});
