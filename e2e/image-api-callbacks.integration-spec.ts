import { platformSuite, solidPng, waitFor } from '@mp/testing';
import { Client } from 'pg';
import { callbackReceiverSuite } from './support/callback-receiver';
import { ImageApiBody, imageApiOf } from './support/image-api-client';

/**
 * Image API callbacks end to end (gateway → image-ops → outbox → notifier → a local receiver), with the
 * seed's bodies; and the re-drive sweep of queue items left W without a job.
 */
describe('image API (seed 001) callbacks and queue re-drive (real processes)', () => {
  let db: Client;
  const receiver = callbackReceiverSuite(200);

  const callbackFor = (id: string) =>
    waitFor(
      async () => {
        const callback = receiver.received.find((r) => r.path === `/cb?id=${id}`);
        return callback && (JSON.parse(callback.body) as ImageApiBody);
      },
      { timeoutMs: 30_000, what: `callback ${id}` },
    );
  const suite = platformSuite({
    apps: ['quota-billing', 'notifier', 'image-ops', 'gateway'],
    env: () => ({
      ...receiver.outboundSettings(),
      CALLBACK_BACKOFF_BASE_MS: '100',
      IMAGE_REDRIVE_INTERVAL_MS: '500',
      IMAGE_REDRIVE_AFTER_MS: '1000',
    }),
    teams: { 'image-callbacks': ['image'] },
  });
  suite.beforeStop(() => db?.end());
  const { call, putImage, waitQueue } = imageApiOf(
    () => suite.gatewayUrl,
    () => suite.team('image-callbacks'),
  );

  beforeAll(async () => {
    db = new Client({ connectionString: suite.infra.env.DATABASE_URL });
    await db.connect();
  });

  const cb = (id: string) => receiver.url(`/cb?id=${id}`);

  it('sends the multiple-upload callback: Success, then Partial Success with the seed failFiles', async () => {
    const ok = new FormData();
    ok.append('params', JSON.stringify({ basepath: '/myfolder', callbackUrl: cb('1') }));
    ok.append('files', new Blob([new Uint8Array(solidPng(546, 304))]), 'image.jpg');
    const first = await call('POST', '/images', { body: ok });
    expect(first.successes).toHaveLength(1);
    const success = await callbackFor('1');
    expect(success).toEqual({
      header: { resultMessage: 'Success', resultCode: 0, isSuccessful: true },
      id: '1',
      successFiles: [
        {
          id: first.successes[0].id,
          name: 'image.jpg',
          path: '/myfolder/image.jpg',
          url: first.successes[0].url,
          width: 546,
          height: 304,
          sizeByte: first.successes[0].bytes,
          overwritten: false,
          updatedAt: first.successes[0].updatedAt,
        },
      ],
      failFiles: [],
    });

    const partial = new FormData();
    partial.append('params', JSON.stringify({ basepath: '/myfolder', callbackUrl: cb('100') }));
    partial.append('files', new Blob([new Uint8Array(solidPng(20, 20))]), 'test.jpg');
    partial.append('files', new Blob([new Uint8Array(solidPng(20, 20))]), 'image.jpg');
    partial.append('files', new Blob([Buffer.from('not an image')]), 'notes.jpg');
    const res = await call('POST', '/images', { body: partial });
    expect(res.errors).toHaveLength(2);
    const body = await callbackFor('100');
    expect(body.header).toEqual({ resultMessage: 'Partial Success', resultCode: 1, isSuccessful: false });
    expect(body.id).toBe('100');
    expect(body.successFiles).toEqual([
      expect.objectContaining({
        name: 'test.jpg',
        path: '/myfolder/test.jpg',
        width: 20,
        height: 20,
        overwritten: false,
      }),
    ]);
    expect(body.failFiles).toEqual([
      {
        name: 'image.jpg',
        path: '/myfolder/image.jpg',
        sizeByte: expect.any(Number),
        resultCode: 20010,
        resultMessage: 'There is same file name.',
      },
      {
        name: 'notes.jpg',
        path: '/myfolder/notes.jpg',
        sizeByte: 12,
        resultCode: 20020,
        resultMessage: expect.any(String),
      },
    ]);
  });

  it('sends the operation-exec callbacks: success with resultFiles, failure 500201', async () => {
    await putImage('path=/myfolder/banner/vertical.png', solidPng(40, 30));
    await call('PUT', '/operations/slice-v', {
      json: { data: [{ templateOperationId: 'slice', option: { sliceCropType: 'vertical', sliceSize: 15 } }] },
    });
    const exec = await call('POST', '/operations-exec', {
      json: {
        basepath: '/myfolder',
        operationIds: ['slice-v'],
        filepaths: ['/myfolder/banner/vertical.png'],
        callbackUrl: cb('200'),
      },
    });
    expect(exec.header.isSuccessful).toBe(true);
    const success = await callbackFor('200');
    const url = (p: string) => `${exec.queues[0].url.slice(0, exec.queues[0].url.indexOf('/myfolder/'))}${p}`;
    expect(success).toEqual({
      header: { isSuccessful: true, resultCode: 0, resultMessage: 'Success' },
      id: '200',
      overwritten: false,
      operationId: 'slice-v',
      sourceFile: {
        url: url('/myfolder/banner/vertical.png'),
        name: 'vertical.png',
        path: '/myfolder/banner/vertical.png',
      },
      resultFiles: [
        {
          url: url('/myfolder/banner/vertical_slice-v_0000.png'),
          name: 'vertical_slice-v_0000.png',
          path: '/myfolder/banner/vertical_slice-v_0000.png',
        },
        {
          url: url('/myfolder/banner/vertical_slice-v_0001.png'),
          name: 'vertical_slice-v_0001.png',
          path: '/myfolder/banner/vertical_slice-v_0001.png',
        },
      ],
    });

    await call('PUT', '/operations/100x100', {
      json: { data: [{ templateOperationId: 'watermark', option: { watermarkImagePath: '/no/mark.png' } }] },
    });
    const bad = await call('POST', '/operations-exec', {
      json: {
        basepath: '/myfolder',
        operationIds: ['100x100'],
        filepaths: ['/myfolder/banner/vertical.png'],
        callbackUrl: cb('300'),
      },
    });
    expect(bad.header.isSuccessful).toBe(true);
    expect(await callbackFor('300')).toEqual({
      header: { isSuccessful: false, resultCode: 500201, resultMessage: 'Operation fail. ' },
      id: '300',
      overwritten: false,
      operationId: '100x100',
      sourceFile: {
        url: url('/myfolder/banner/vertical.png'),
        name: 'vertical.png',
        path: '/myfolder/banner/vertical.png',
      },
    });
  });

  it('announces a result to the callbackUrl of a grid step, also when the request names none', async () => {
    await putImage('path=/myfolder/tiles/square.png', solidPng(40, 40));
    await call('PUT', '/operations/grid2', {
      json: { data: [{ templateOperationId: 'grid', option: { countX: 2, countY: 1, callbackUrl: cb('400') } }] },
    });
    const exec = await call('POST', '/operations-exec', {
      json: { basepath: '/myfolder', operationIds: ['grid2'], filepaths: ['/myfolder/tiles/square.png'] },
    });
    expect(exec.header.isSuccessful).toBe(true);
    const body = await callbackFor('400');
    expect(body).toMatchObject({
      header: { isSuccessful: true, resultCode: 0 },
      id: '400',
      operationId: 'grid2',
      sourceFile: { path: '/myfolder/tiles/square.png' },
    });
    expect(body.resultFiles.map((f: { name: string }) => f.name)).toEqual([
      'square_grid2_0000.png',
      'square_grid2_0001.png',
    ]);
  });

  it('refuses callback URLs on ports outside OUTBOUND_ALLOWED_PORTS', async () => {
    const wrongPort = `http://127.0.0.1:${receiver.port === 65535 ? 65534 : receiver.port + 1}/cb?id=9`;
    const exec = await call('POST', '/operations-exec', {
      json: {
        basepath: '/myfolder',
        operationIds: ['slice-v'],
        filepaths: ['/myfolder/banner/vertical.png'],
        callbackUrl: wrongPort,
      },
    });
    expect(exec.header).toMatchObject({ isSuccessful: false, resultCode: 400 });
    expect(exec.header.resultMessage).toContain(`port 80 or 443 or ${receiver.port}`);
    const form = new FormData();
    form.append('params', JSON.stringify({ basepath: '/myfolder', callbackUrl: wrongPort }));
    form.append('files', new Blob([new Uint8Array(solidPng(5, 5))]), 'x.png');
    expect((await call('POST', '/images', { body: form })).header).toMatchObject({
      isSuccessful: false,
      resultCode: 400,
    });
  });

  it('re-drives queue items committed as W whose job was never added', async () => {
    const source = await putImage('path=/redrive/src.png', solidPng(300, 200));
    await call('PUT', '/operations/half', {
      json: { data: [{ templateOperationId: 'resize_fixed', option: { width: 150, height: 100 } }] },
    });
    const victim = await putImage('path=/redrive/victim.png', solidPng(10, 10));
    const scope = [suite.team('image-callbacks').teamId, suite.team('image-callbacks').keys.image!.app_key];
    // The state a Redis outage right after the commit leaves behind: rows W, no job.
    const image = await db.query(
      `INSERT INTO "imageops"."queue_items" ("id", "team_id", "app_key", "queue_type", "status", "operation_id", "source_file_id", "target_path", "queued_at")
       VALUES (gen_random_uuid(), $1, $2, 'image', 'W', 'half', $3, '/redrive/src_half.png', now() - interval '1 minute') RETURNING "id"`,
      [...scope, source.file.id],
    );
    const del = await db.query(
      `INSERT INTO "imageops"."queue_items" ("id", "team_id", "app_key", "queue_type", "status", "params", "queued_at")
       VALUES (gen_random_uuid(), $1, $2, 'delete', 'W', $3, now() - interval '1 minute') RETURNING "id"`,
      [...scope, JSON.stringify({ folderIds: [], fileIds: [victim.file.id], includeThumbnail: false })],
    );
    await waitQueue(image.rows[0].id, 'D');
    await waitQueue(del.rows[0].id, 'D');
    const listed = await call('GET', '/folders?basepath=/redrive');
    expect(listed.files.map((f: { name: string }) => f.name).sort()).toEqual(['src.png', 'src_half.png']);
    expect(listed.files.find((f: { name: string }) => f.name === 'src_half.png').imageProperty).toMatchObject({
      width: 150,
      height: 100,
    });
  });
});
