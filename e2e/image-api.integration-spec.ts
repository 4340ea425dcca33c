import { ObjectStorage } from '@mp/storage';
import { buildZip, buildZipWithRawNames, platformSuite, solidPng, testObjectStorage, waitFor } from '@mp/testing';
import { ImageApiBody, imageApiOf } from './support/image-api-client';

/** Image API (seed 001) clients: only host, app key and secret key differ from the seed's curl examples. */
describe('image API (seed 001) through the gateway', () => {
  const suite = platformSuite({
    apps: ['quota-billing', 'image-ops', 'gateway'],
    teams: { 'image-team': ['image', 'cdt'], 'image-other': ['image'] },
  });
  let base: string;
  let secret: string;
  let storage: ObjectStorage;

  /** Image objects of the test team in the object store (staging excluded). */
  const objectCount = async (): Promise<number> =>
    (await storage.list({ prefix: `image/${suite.team('image-team').teamId}/`, limit: 1000 })).objects.length;
  const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });
  const publicUrl = (path: string, appKey = suite.team('image-team').keys.image!.app_key!) =>
    `${suite.gatewayUrl}/image/files/${appKey}${path}`;
  const { call, putImage, waitQueue } = imageApiOf(
    () => suite.gatewayUrl,
    () => suite.team('image-team'),
  );

  beforeAll(() => {
    base = `${suite.gatewayUrl}/image/v2.0/appkeys/${suite.team('image-team').keys.image!.app_key}`;
    secret = suite.team('image-team').keys.image!.secret_key!;
    storage = testObjectStorage(suite.infra.env);
  });

  it('answers every failure with HTTP 200 and a header: auth, unknown routes, validation', async () => {
    const wrongSecret = await call('GET', '/folders?basepath=/', {
      secretKey: suite.team('image-other').keys.image!.secret_key!,
    });
    expect(wrongSecret.header).toMatchObject({ isSuccessful: false, resultCode: 401 });
    const noSecret = await fetch(`${base}/folders?basepath=/`);
    expect(noSecret.status).toBe(200);
    expect(((await noSecret.json()) as ImageApiBody).header).toMatchObject({ isSuccessful: false, resultCode: 401 });
    const cdtKey = await call('GET', '/folders?basepath=/', { secretKey: suite.team('image-team').keys.cdt!.key! });
    expect(cdtKey.header.isSuccessful).toBe(false);
    const unknown = await call('GET', '/no-such-thing');
    expect(unknown).toEqual({
      header: { isSuccessful: false, resultCode: 404, resultMessage: 'Please check your API Url, HTTP Method.' },
    });
    const badPath = await call('POST', '/folders', { json: { path: 'x' } });
    expect(badPath.header).toMatchObject({ isSuccessful: false, resultCode: 400 });
    expect(badPath.header.resultMessage).toContain('path');
    const badJson = await fetch(`${base}/folders`, {
      method: 'POST',
      headers: { Authorization: secret, 'Content-Type': 'application/json' },
      body: '{',
    });
    expect(badJson.status).toBe(200);
    expect(((await badJson.json()) as ImageApiBody).header).toMatchObject({ isSuccessful: false, resultCode: 400 });
  });

  it('creates folders with their parents, lists them and reads their properties', async () => {
    const created = await call('POST', '/folders', { json: { path: '/myfolder/banner' } });
    expect(created.header).toEqual({ isSuccessful: true, resultCode: 0, resultMessage: 'Success' });
    expect(created.folder).toMatchObject({ isFolder: true, name: 'banner', path: '/myfolder/banner' });
    expect(created.folder.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}$/);
    const listed = await call('GET', '/folders?basepath=/myfolder');
    expect(listed.paging).toEqual({ page: 1, rows: 100, totalFolderCount: 1, totalFileCount: 0 });
    expect(listed.folders).toEqual([created.folder]);
    const missing = await call('GET', '/folders?basepath=/nope');
    expect(missing.header).toMatchObject({ isSuccessful: false, resultCode: 20004 });
    const tooMany = await call('GET', '/folders?basepath=/&rows=10001');
    expect(tooMany.header).toMatchObject({ isSuccessful: false, resultCode: 400 });
  });

  it('uploads one image with PUT: same name refused (20010), autorename, overwrite; non-images refused', async () => {
    const first = await putImage('path=/myfolder/sample.png', solidPng(200, 150));
    expect(first.header.isSuccessful).toBe(true);
    expect(first.file).toMatchObject({
      isFolder: false,
      name: 'sample.png',
      path: '/myfolder/sample.png',
      createdBy: 'U',
      imageProperty: { width: 200, height: 150 },
      queues: [],
    });
    const again = await putImage('path=/myfolder/sample.png', solidPng(10, 10));
    expect(again.header).toEqual({ isSuccessful: false, resultCode: 20010, resultMessage: 'There is same file name.' });
    const renamed = await putImage('path=/myfolder/sample.png&autorename=true', solidPng(10, 10));
    expect(renamed.file.path).toBe('/myfolder/sample(1).png');
    const overwritten = await putImage('path=/myfolder/sample.png&overwrite=true', solidPng(30, 20));
    expect(overwritten.file).toMatchObject({ id: first.file.id, imageProperty: { width: 30, height: 20 } });
    const text = await putImage('path=/myfolder/readme.png', Buffer.from('not an image at all'));
    expect(text.header).toMatchObject({ isSuccessful: false, resultCode: 20020 });
    const props = await call('GET', '/properties?path=/myfolder');
    expect(props.folder).toMatchObject({ path: '/myfolder', totalFolderCount: 1, totalFileCount: 2 });
    expect(props.folder.bytes).toBe(overwritten.file.bytes + renamed.file.bytes);
    // Another team's key sees none of it.
    const foreign = await fetch(
      `${suite.gatewayUrl}/image/v2.0/appkeys/${suite.team('image-other').keys.image!.app_key}/folders?basepath=/myfolder`,
      { headers: { Authorization: suite.team('image-other').keys.image!.secret_key! } },
    );
    expect(((await foreign.json()) as ImageApiBody).header.resultCode).toBe(20004);
  });

  it('uploads several files with multipart POST, refusing bad ones per file', async () => {
    const form = new FormData();
    form.append('params', JSON.stringify({ basepath: '/myfolder/banner', overwrite: true }));
    form.append('files', new Blob([new Uint8Array(solidPng(60, 60))]), 'left.png');
    form.append('files', new Blob([new Uint8Array(solidPng(144, 256))]), 'right.png');
    form.append('files', new Blob([Buffer.from('hello')]), 'notes.png');
    const res = await call('POST', '/images', { body: form });
    expect(res.header.isSuccessful).toBe(true);
    expect(res.successes.map((f: { path: string }) => f.path)).toEqual([
      '/myfolder/banner/left.png',
      '/myfolder/banner/right.png',
    ]);
    expect(res.errors).toEqual([
      { path: '/myfolder/banner/notes.png', bytes: 5, error: { resultCode: 20020, resultMessage: expect.any(String) } },
    ]);
    const noParams = new FormData();
    noParams.append('files', new Blob([new Uint8Array(solidPng(5, 5))]), 'x.png');
    expect((await call('POST', '/images', { body: noParams })).header).toMatchObject({
      isSuccessful: false,
      resultCode: 400,
    });
  });

  it('refuses a multipart body cut short inside a file, storing nothing', async () => {
    const png = solidPng(20, 20);
    const head = `--cut\r\nContent-Disposition: form-data; name="params"\r\n\r\n{"basepath":"/cut"}\r\n--cut\r\nContent-Disposition: form-data; name="files"; filename="half.png"\r\nContent-Type: image/png\r\n\r\n`;
    const res = await fetch(`${base}/images`, {
      method: 'POST',
      headers: { Authorization: secret, 'Content-Type': 'multipart/form-data; boundary=cut' },
      body: Buffer.concat([Buffer.from(head), png.subarray(0, 30)]),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as ImageApiBody).header).toMatchObject({
      isSuccessful: false,
      resultCode: 400,
      resultMessage: expect.stringMatching(/terminated early|closing boundary/),
    });
    expect((await call('GET', '/folders?basepath=/cut')).header.isSuccessful).toBe(false);
  });

  it('creates, reads, lists and deletes operations; lists the templates', async () => {
    const put = await call('PUT', '/operations/100x100', {
      json: {
        description: '',
        realtimeService: true,
        data: [
          {
            templateOperationId: 'resize_max_fit',
            option: { resizeType: 'max_fit', width: 100, height: 100, quality: 80, upDownSizeType: 'downOnly' },
          },
        ],
      },
    });
    expect(put.operation).toMatchObject({
      appKey: suite.team('image-team').keys.image!.app_key,
      operationId: '100x100',
      realtimeService: true,
    });
    expect(put.operation.jobTemplate[0]).toMatchObject({
      templateOperationId: 'resize_max_fit',
      jobType: 'ResizeJob',
      option: { resizeType: 'max_fit', width: 100, quality: 80, upDownSizeType: 'downOnly' },
    });
    expect((await call('GET', '/operations/100x100')).operation.operationId).toBe('100x100');
    await call('PUT', '/operations/tmp1', { json: { data: [{ templateOperationId: 'gray', option: {} }] } });
    const list = await call('GET', '/operations?name=100');
    expect(list.paging).toEqual({ page: 1, rows: 20, totalCount: 1 });
    const templates = await call('GET', '/operations?template=true');
    expect(templates.operations.map((o: { operationId: string }) => o.operationId)).toEqual(
      expect.arrayContaining([
        'resize_fixed',
        'resize_min_fit',
        'resize_max_fit',
        'gray',
        'rectangle',
        'circle',
        'slice',
        'grid',
        'watermark',
      ]),
    );
    expect((await call('DELETE', '/operations/tmp1')).header.isSuccessful).toBe(true);
    expect((await call('GET', '/operations/tmp1')).header).toMatchObject({ isSuccessful: false, resultCode: 20030 });
    const bad = await call('PUT', '/operations/bad', {
      json: { data: [{ templateOperationId: 'resize_max_fit', option: { width: 100, height: 100, quality: 101 } }] },
    });
    expect(bad.header).toMatchObject({ isSuccessful: false, resultCode: 400 });
    expect(bad.header.resultMessage).toContain('quality');
  });

  it('executes operations as queue items W → D, storing name_operationId.ext next to the source', async () => {
    const exec = await call('POST', '/operations-exec', {
      json: {
        basepath: '/myfolder',
        operationIds: ['100x100'],
        filepaths: ['/myfolder/banner/left.png', '/myfolder/banner/right.png'],
      },
    });
    expect(exec.header.isSuccessful).toBe(true);
    expect(exec.queues).toHaveLength(2);
    expect(exec.queues[1]).toMatchObject({
      queueType: 'image',
      status: 'W',
      tryCount: 0,
      operationId: '100x100',
      name: 'right_100x100.png',
      path: '/myfolder/banner/right_100x100.png',
    });
    for (const q of exec.queues) {
      await waitFor(async () => ((await call('GET', `/queues/${q.queueId}`)).queue.status === 'D' ? true : undefined), {
        timeoutMs: 30_000,
        what: `queue ${q.queueId} done`,
      });
    }
    const results = await call('GET', '/folders?basepath=/myfolder/banner&createdBy=P');
    const right = results.files.find((f: { name: string }) => f.name === 'right_100x100.png');
    expect(right).toMatchObject({ createdBy: 'P', operationId: '100x100', imageProperty: { width: 56, height: 100 } });
    expect(results.paging.totalFileCount).toBe(2);
    // Re-running writes the same paths again, no duplicates.
    const rerun = await call('POST', '/operations-exec', {
      json: { basepath: '/myfolder', operationIds: ['100x100'], filepaths: ['/myfolder/banner/right.png'] },
    });
    await waitFor(
      async () => ((await call('GET', `/queues/${rerun.queues[0].queueId}`)).queue.status === 'D' ? true : undefined),
      { timeoutMs: 30_000, what: 'rerun done' },
    );
    expect((await call('GET', '/folders?basepath=/myfolder/banner&createdBy=P')).paging.totalFileCount).toBe(2);
    expect((await call('GET', '/queues/00000000-0000-0000-0000-000000000000')).header).toMatchObject({
      isSuccessful: false,
      resultCode: 20040,
    });
  });

  it('fans out operations from an upload with operationIds', async () => {
    const up = await putImage('path=/fan/photo.png&operationIds=100x100', solidPng(300, 100));
    expect(up.file.queues).toHaveLength(1);
    expect(up.file.queues[0]).toMatchObject({ status: 'W', name: 'photo_100x100.png', path: '/fan/photo_100x100.png' });
    await waitFor(
      async () => ((await call('GET', `/queues/${up.file.queues[0].queueId}`)).queue.status === 'D' ? true : undefined),
      { timeoutMs: 30_000, what: 'fan-out done' },
    );
    const listed = await call('GET', '/folders?basepath=/fan&sort=name:desc');
    expect(listed.files.map((f: { name: string }) => f.name)).toEqual(['photo_100x100.png', 'photo.png']);
    expect(listed.files[0].imageProperty).toMatchObject({ width: 100, height: 33 });
    const unknownOp = await putImage('path=/fan/x.png&operationIds=nope', solidPng(5, 5));
    expect(unknownOp.header).toMatchObject({ isSuccessful: false, resultCode: 20030 });
  });

  it('marks a queue item F when its operation cannot run, and applies watermarks from the same app', async () => {
    await call('PUT', '/operations/wmbad', {
      json: { data: [{ templateOperationId: 'watermark', option: { watermarkImagePath: '/marks/none.png' } }] },
    });
    const bad = await call('POST', '/operations-exec', {
      json: { basepath: '/myfolder', operationIds: ['wmbad'], filepaths: ['/myfolder/banner/left.png'] },
    });
    await waitFor(
      async () => ((await call('GET', `/queues/${bad.queues[0].queueId}`)).queue.status === 'F' ? true : undefined),
      { timeoutMs: 30_000, what: 'queue item F' },
    );
    await putImage('path=/marks/logo.png', solidPng(10, 10, [0, 0, 255]));
    await call('PUT', '/operations/wm', {
      json: {
        data: [
          { templateOperationId: 'watermark', option: { gravity: 'SouthEast', watermarkImagePath: '/marks/logo.png' } },
        ],
      },
    });
    const good = await call('POST', '/operations-exec', {
      json: { basepath: '/myfolder', operationIds: ['wm'], filepaths: ['/myfolder/banner'] },
    });
    expect(good.queues.map((q: { name: string }) => q.name).sort()).toEqual(['left_wm.png', 'right_wm.png']);
    for (const q of good.queues)
      await waitFor(async () => ((await call('GET', `/queues/${q.queueId}`)).queue.status === 'D' ? true : undefined), {
        timeoutMs: 30_000,
        what: 'watermark done',
      });
  });

  it('deletes one file synchronously, with or without the operation results made from it', async () => {
    const up = await putImage('path=/del/a.png&operationIds=100x100', solidPng(300, 200));
    await waitQueue(up.file.queues[0].queueId);
    const up2 = await putImage('path=/del/b.png&operationIds=100x100', solidPng(300, 200));
    await waitQueue(up2.file.queues[0].queueId);
    const before = await objectCount();
    const gone = await call('DELETE', `/images/sync?fileId=${up.file.id}&includeThumbnail=true`);
    expect(gone).toEqual({ header: { isSuccessful: true, resultCode: 0, resultMessage: 'Success' } });
    const kept = await call('DELETE', `/images/sync?fileId=${up2.file.id}`);
    expect(kept.header.isSuccessful).toBe(true);
    const listed = await call('GET', '/folders?basepath=/del');
    expect(listed.files.map((f: { name: string }) => f.name)).toEqual(['b_100x100.png']);
    expect(await objectCount()).toBe(before - 3);
    expect((await fetch(publicUrl('/del/a.png'))).status).toBe(404);
    const again = await call('DELETE', `/images/sync?fileId=${up.file.id}`);
    expect(again.header).toMatchObject({ isSuccessful: false, resultCode: 20004 });
    expect((await call('DELETE', '/images/sync?fileId=not-a-uuid')).header).toMatchObject({
      isSuccessful: false,
      resultCode: 20004,
    });
    const neither = await call('DELETE', '/images/sync');
    expect(neither.header).toMatchObject({ isSuccessful: false, resultCode: 400 });
    expect(neither.header.resultMessage).toContain('fileId');
    // Another team's key cannot delete this team's file.
    const foreign = await call('DELETE', `/images/sync?fileId=${listed.files[0].id}`, {
      appKey: suite.team('image-other').keys.image!.app_key,
      secretKey: suite.team('image-other').keys.image!.secret_key,
    });
    expect(foreign.header).toMatchObject({ isSuccessful: false, resultCode: 20004 });
  });

  it('deletes a folder synchronously with everything below it', async () => {
    await putImage('path=/tree/x/one.png', solidPng(10, 10));
    await putImage('path=/tree/x/deeper/two.png', solidPng(10, 10));
    const listed = await call('GET', '/folders?basepath=/tree');
    const x = listed.folders.find((f: { name: string }) => f.name === 'x');
    const before = await objectCount();
    expect((await call('DELETE', `/images/sync?folderId=${x.id}`)).header.isSuccessful).toBe(true);
    expect((await call('GET', '/folders?basepath=/tree')).folders).toEqual([]);
    expect((await call('GET', '/folders?basepath=/tree/x/deeper')).header.resultCode).toBe(20004);
    expect(await objectCount()).toBe(before - 2);
  });

  it('deletes files and folders asynchronously through a delete queue item', async () => {
    const a = await putImage('path=/bulk/a.png', solidPng(10, 10));
    const b = await putImage('path=/bulk/b.png', solidPng(10, 10));
    await putImage('path=/bulk/sub/c.png', solidPng(10, 10));
    const sub = (await call('GET', '/folders?basepath=/bulk')).folders[0];
    const before = await objectCount();
    // The seed's curl names the parameter `fileIds`, its field table `files`: one of each here.
    const res = await call('DELETE', `/images/async?fileIds=${a.file.id}&files=${b.file.id}&folderIds=${sub.id}`);
    expect(res.header.isSuccessful).toBe(true);
    expect(res.queue).toMatchObject({
      queueType: 'delete',
      status: 'W',
      tryCount: 0,
      operationId: '',
      url: '',
      name: '',
      path: '',
    });
    await waitQueue(res.queue.queueId);
    const left = await call('GET', '/folders?basepath=/bulk');
    expect(left.paging).toMatchObject({ totalFolderCount: 0, totalFileCount: 0 });
    expect(await objectCount()).toBe(before - 3);
    const unknown = await call('DELETE', `/images/async?fileIds=${a.file.id}`);
    expect(unknown.header).toMatchObject({ isSuccessful: false, resultCode: 20004 });
    expect((await call('DELETE', '/images/async')).header).toMatchObject({ isSuccessful: false, resultCode: 400 });
  });

  it('serves image URLs from storage with ETag and Cache-Control, 304 on If-None-Match', async () => {
    const up = await putImage('path=/pub/photo one.png', solidPng(40, 30));
    expect(up.file.url).toContain('/pub/photo%20one.png');
    const res = await fetch(publicUrl('/pub/photo%20one.png'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toContain('max-age');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    expect(pngSize(Buffer.from(await res.arrayBuffer()))).toEqual({ width: 40, height: 30 });
    const cached = await fetch(publicUrl('/pub/photo%20one.png'), { headers: { 'If-None-Match': etag } });
    expect(cached.status).toBe(304);
    const overwritten = await putImage('path=/pub/photo one.png&overwrite=true', solidPng(41, 30));
    expect(overwritten.header.isSuccessful).toBe(true);
    const fresh = await fetch(publicUrl('/pub/photo%20one.png'), { headers: { 'If-None-Match': etag } });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('etag')).not.toBe(etag);
    expect((await fetch(publicUrl('/pub/none.png'))).status).toBe(404);
    expect((await fetch(publicUrl('/pub/photo%20one.png', 'no-such-app'))).status).toBe(404);
  });

  it('toggles the realtime service and produces missing results on first request, once', async () => {
    const user = await call('GET', '/users');
    expect(user.user).toEqual({
      appKey: suite.team('image-team').keys.image!.app_key,
      containerName: suite.team('image-team').keys.image!.app_key,
      realtimeService: true,
    });
    await call('PUT', '/operations/rt50', {
      json: {
        realtimeService: true,
        data: [{ templateOperationId: 'resize_fixed', option: { width: 50, height: 20 } }],
      },
    });
    await call('PUT', '/operations/nort', {
      json: { realtimeService: false, data: [{ templateOperationId: 'gray', option: {} }] },
    });
    await putImage('path=/rt/pic.png', solidPng(200, 100));
    const first = await Promise.all([1, 2, 3].map(() => fetch(publicUrl('/rt/pic_rt50.png'))));
    expect(first.map((r) => r.status)).toEqual([200, 200, 200]);
    const bodies = await Promise.all(first.map(async (r) => Buffer.from(await r.arrayBuffer())));
    expect(bodies.map(pngSize)).toEqual([1, 2, 3].map(() => ({ width: 50, height: 20 })));
    expect(new Set(first.map((r) => r.headers.get('etag'))).size).toBe(1);
    const listed = await call('GET', '/folders?basepath=/rt&createdBy=P');
    expect(listed.files).toHaveLength(1);
    expect(listed.files[0]).toMatchObject({
      name: 'pic_rt50.png',
      createdBy: 'P',
      operationId: 'rt50',
      imageProperty: { width: 50, height: 20 },
    });
    const later = await fetch(publicUrl('/rt/pic_rt50.png'));
    expect(later.headers.get('etag')).toBe(first[0].headers.get('etag'));
    expect((await fetch(publicUrl('/rt/pic_nort.png'))).status).toBe(404);
    expect((await fetch(publicUrl('/rt/pic_rt50.jpg'))).status).toBe(404);
    expect((await fetch(publicUrl('/rt/missing_rt50.png'))).status).toBe(404);

    expect((await call('PUT', '/users', { json: { realtimeService: false } })).header.isSuccessful).toBe(true);
    expect((await call('GET', '/users')).user.realtimeService).toBe(false);
    await putImage('path=/rt/other.png', solidPng(200, 100));
    expect((await fetch(publicUrl('/rt/other_rt50.png'))).status).toBe(404);
    expect((await fetch(publicUrl('/rt/pic_rt50.png'))).status).toBe(200);
    expect((await call('PUT', '/users', { json: { realtimeService: 'yes' } })).header).toMatchObject({
      isSuccessful: false,
      resultCode: 400,
    });
    await call('PUT', '/users', { json: { realtimeService: true } });
    expect((await fetch(publicUrl('/rt/other_rt50.png'))).status).toBe(200);
  });

  it('expands zip archives of a multiple upload, refusing unsafe entries and bombs', async () => {
    const form = new FormData();
    form.append('params', JSON.stringify({ basepath: '/zips' }));
    const archive = await buildZip([
      { name: 'one.png', data: solidPng(12, 8) },
      { name: 'nested/two.png', data: solidPng(7, 5) },
      { name: 'readme.txt', data: Buffer.from('not an image') },
    ]);
    form.append('files', new Blob([new Uint8Array(archive)]), 'pack.zip');
    form.append(
      'files',
      new Blob([new Uint8Array(await buildZipWithRawNames([{ name: '../escape.png', data: solidPng(5, 5) }]))]),
      'slip.zip',
    );
    form.append(
      'files',
      new Blob([new Uint8Array(await buildZip([{ name: 'bomb.png', data: Buffer.alloc(20 * 1024 * 1024) }]))]),
      'bomb.zip',
    );
    const res = await call('POST', '/images', { body: form });
    expect(res.header.isSuccessful).toBe(true);
    expect(
      res.successes.map((f: { path: string; imageProperty: { width: number } }) => [f.path, f.imageProperty.width]),
    ).toEqual([
      ['/zips/one.png', 12],
      ['/zips/nested/two.png', 7],
    ]);
    const errors = new Map(
      res.errors.map((e: { path: string; error: { resultCode: number; resultMessage: string } }) => [e.path, e.error]),
    );
    expect(errors.get('/zips/readme.txt')).toMatchObject({ resultCode: 20020 });
    expect(errors.get('/zips/slip.zip')).toMatchObject({
      resultCode: 20022,
      resultMessage: expect.stringContaining('unsafe path'),
    });
    expect(errors.get('/zips/bomb.zip')).toMatchObject({
      resultCode: 20022,
      resultMessage: expect.stringContaining('ratio'),
    });
    expect((await call('GET', '/folders?basepath=/zips')).folders.map((f: { name: string }) => f.name)).toEqual([
      'nested',
    ]);
    expect(
      (await storage.list({ prefix: `image-staging/${suite.team('image-team').teamId}/`, limit: 10 })).objects,
    ).toEqual([]);
  });

  it('reads imageProperty.createdAt from EXIF DateTimeOriginal and coordinate from GPS', async () => {
    // A 16×12 JPEG written with EXIF DateTimeOriginal 2016:02:26 15:56:50 and GPS S 33°52'0" E 151°12'36".
    const photo = Buffer.from(
      '/9j/4QFORXhpZgAASUkqAAgAAAAHABIBAwABAAAAAQAAABoBBQABAAAAYgAAABsBBQABAAAAagAAACgBAwABAAAAAgAAABMCAwABAAAAAQAAAGmHBAABAAAAcgAAACWIBAABAAAA4AAAAAAAAAA4YwAA6AMAADhj' +
        'AADoAwAABwAAkAcABAAAADAyMTADkAIAFAAAAMwAAAABkQcABAAAAAECAwAAoAcABAAAADAxMDABoAMAAQAAAP//AAACoAQAAQAAABAAAAADoAQAAQAAAAwAAAAAAAAAMjAxNjowMjoyNiAxNTo1Njo1MAAEAAEA' +
        'AgACAAAAUwAAAAIABQADAAAALgEAAAMAAgACAAAARQAAAAQABQADAAAAFgEAAAAAAACXAAAAAQAAAAwAAAABAAAAJAAAAAEAAAAhAAAAAQAAADQAAAABAAAAAAAAAAEAAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAK' +
        'CgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAAR' +
        'CAAMABADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABgf/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCX' +
        'AUUYf//Z',
      'base64',
    );
    const up = await putImage('path=/exif/photo.jpg', photo);
    expect(up.file.imageProperty).toEqual({
      width: 16,
      height: 12,
      createdAt: '2016-02-26T15:56:50+0000',
      coordinate: { lat: expect.closeTo(-33.8666667, 6), lng: expect.closeTo(151.21, 6) },
    });
    const plain = await putImage('path=/exif/plain.png', solidPng(4, 4));
    expect(plain.file.imageProperty.coordinate).toEqual({ lat: null, lng: null });
    expect(plain.file.imageProperty.createdAt).toBe(plain.file.updatedAt);
  });

  it('deleteThumbnail removes the results of an operation on update and on delete', async () => {
    const resize = { data: [{ templateOperationId: 'resize_fixed', option: { width: 10, height: 10 } }] };
    await putImage('path=/thumbs/a.png', solidPng(40, 40));
    const results = async () =>
      (await call('GET', '/folders?basepath=/thumbs&createdBy=P')).files.map((f: { name: string }) => f.name);
    const exec = async (op: string) => {
      const res = await call('POST', '/operations-exec', {
        json: { basepath: '/thumbs', operationIds: [op], filepaths: ['/thumbs/a.png'] },
      });
      await waitQueue(res.queues[0].queueId);
    };
    await call('PUT', '/operations/thumbA', { json: resize });
    await call('PUT', '/operations/thumbB', { json: resize });
    await exec('thumbA');
    await exec('thumbB');
    expect(await results()).toEqual(['a_thumbA.png', 'a_thumbB.png']);
    const before = await objectCount();
    expect(
      (await call('PUT', '/operations/thumbA', { json: { ...resize, deleteThumbnail: true } })).header.isSuccessful,
    ).toBe(true);
    expect(await results()).toEqual(['a_thumbB.png']);
    expect(await objectCount()).toBe(before - 1);
    expect((await call('DELETE', '/operations/thumbB')).header.isSuccessful).toBe(true);
    expect(await results()).toEqual(['a_thumbB.png']);
    await call('PUT', '/operations/thumbB', { json: resize });
    expect((await call('DELETE', '/operations/thumbB?deleteThumbnail=true')).header.isSuccessful).toBe(true);
    expect(await results()).toEqual([]);
    expect(await objectCount()).toBe(before - 2);
  });
});
