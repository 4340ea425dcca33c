// Seed 001 public image URLs with the realtime service: `GET /image/files/{appKey}/{folder}/{name}_thumb.jpg`
// of an uploaded `{name}.jpg` whose result does not exist yet (cold: image-ops reads the source,
// runs the operation — `resize_max_fit` 320×320, quality 75, the seed's defaults otherwise — stores
// and records the result, then the gateway streams it) versus repeat requests (cached: the stored
// result is streamed). Raw sharp runs the same operation on the same bytes in the same run, each
// cold request right after its raw conversion (same load). Sources are generated 2–4 MP JPEGs
// uploaded with the seed's `PUT /images`. Real processes and infrastructure; figures are reported,
// never asserted.
import { createRequire } from 'node:module';
import { root, summarize, writeResult } from './bench-kit.mjs';
import { sharp, sourceImage } from './conversion-kit.mjs';
import { ConversionRun } from './conversion-run.mjs';

const require = createRequire(import.meta.url);
const { connect, JSONCodec } = require(`${root}/node_modules/nats`);
const { createTestInfra, createTeamWithKeys, PlatformProcesses, testObjectStorage } = require(
  `${root}/libs/testing/dist/index.js`,
);

const SOURCES = Number(process.env.BENCH_REALTIME_SOURCES ?? 50);
const REPEATS = Number(process.env.BENCH_REALTIME_REPEATS ?? 10);
const SIZE = 320;
const QUALITY = 75;
/** The operation as a sharp user writes it: downOnly fit inside, EXIF kept (the option defaults). */
const rawConvert = (bytes) =>
  sharp(bytes)
    .resize({ width: SIZE, height: SIZE, fit: 'inside', withoutEnlargement: true })
    .keepExif()
    .jpeg({ quality: QUALITY })
    .toBuffer();

const infra = await createTestInfra({ s3: true });
const platform = await PlatformProcesses.start({ ...infra.env, LOG_LEVEL: 'warn' }, [
  'quota-billing',
  'image-ops',
  'gateway',
]);
try {
  const team = await createTeamWithKeys(platform.gatewayUrl, 'bench-realtime', ['image']);
  const { app_key: appKey, secret_key: secret } = team.keys.image;
  const api = `${platform.gatewayUrl}/image/v2.0/appkeys/${appKey}`;
  const call = async (method, path, init = {}) => {
    const res = await fetch(`${api}${path}`, {
      method,
      headers: { authorization: secret, 'content-type': init.type ?? 'application/json' },
      body: init.body,
    });
    const body = await res.json();
    if (res.status !== 200 || !body.header?.isSuccessful)
      throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(body.header)}`);
    return body;
  };
  await call('PUT', '/operations/thumb', {
    body: JSON.stringify({
      realtimeService: true,
      data: [{ templateOperationId: 'resize_max_fit', option: { width: SIZE, height: SIZE, quality: QUALITY } }],
    }),
  });
  const upload = (path, bytes) =>
    call('PUT', `/images?path=${encodeURIComponent(path)}`, { body: bytes, type: 'application/octet-stream' });

  const sources = [];
  const megapixels = [];
  for (let i = 0; i <= SOURCES; i++) {
    const { bytes, width, height } = await sourceImage(i);
    await upload(`/bench/source-${i}.jpg`, bytes);
    sources.push(bytes);
    megapixels.push((width * height) / 1e6);
  }

  /** One public GET, body read; the latency is until the whole image has arrived. */
  const request = async (i) => {
    const t0 = performance.now();
    const res = await fetch(`${platform.gatewayUrl}/image/files/${appKey}/bench/source-${i}_thumb.jpg`);
    const body = Buffer.from(await res.arrayBuffer());
    const ms = performance.now() - t0;
    if (res.status !== 200 || body.length === 0) throw new Error(`source-${i}_thumb.jpg: ${res.status}`);
    return ms;
  };

  // Warm the path (connections, JIT) on the extra source `SOURCES`, not measured.
  await rawConvert(sources[SOURCES]);
  await request(SOURCES);
  await request(SOURCES);

  const store = testObjectStorage(infra.env);
  const run = new ConversionRun({ imageOpsUrl: platform.url('image-ops'), stagePath: 'public', store, rawConvert });
  await run.coldPass(sources.slice(0, SOURCES), request);
  // The two hops of a hit, each timed straight from the bench: the resolve RPC to image-ops (one
  // indexed query there) and one GET of a stored result from the store.
  const nc = await connect({ servers: infra.env.NATS_URL });
  const json = JSONCodec();
  const resolveSubject = `${infra.env.NAMESPACE}.rpc.images.public.resolve`;
  const { objects } = await store.list({ prefix: `image/${team.teamId}/${appKey}/objects/`, limit: 1000 });
  const resultKeys = objects.filter((o) => o.size < 256 * 1024).map((o) => o.key);
  const rpcs = [];
  const storeGets = [];
  await run.cachedPass(REPEATS, SOURCES, async (i) => {
    const ms = await request(i);
    const r0 = performance.now();
    const reply = json.decode(
      (
        await nc.request(resolveSubject, json.encode({ app_key: appKey, path: `/bench/source-${i}_thumb.jpg` }), {
          timeout: 10_000,
        })
      ).data,
    );
    if (!reply.ok) throw new Error(`resolve: ${JSON.stringify(reply)}`);
    rpcs.push(performance.now() - r0);
    const t0 = performance.now();
    const { body } = await store.getStream({ key: resultKeys[i % resultKeys.length] });
    for await (const _ of body);
    storeGets.push(performance.now() - t0);
    return ms;
  });
  await nc.close();

  const produced = await call('GET', '/folders?basepath=/bench&createdBy=P');
  writeResult('realtime-images', {
    sources: SOURCES,
    operation: `resize_max_fit ${SIZE}×${SIZE}, quality ${QUALITY}, JPEG → JPEG`,
    ...run.figures({
      megapixels,
      conversion: `resize({ width: ${SIZE}, height: ${SIZE}, fit: 'inside', withoutEnlargement: true }).keepExif().jpeg({ quality: ${QUALITY} }), buffer to buffer`,
    }),
    resolve_rpc_from_bench: summarize(rpcs),
    store_get_from_bench: summarize(storeGets),
    results_recorded: produced.files.length,
    note: 'Sequential requests (one at a time); each cold request right after raw sharp runs the same operation on the same bytes in the bench process. Latency = until the whole body has arrived; cold includes image-ops reading the source from the embedded S3, the sharp operation, storing and recording the result, and the gateway streaming it. Client, gateway, image-ops, quota-billing and the embedded S3 share this 2-core machine.',
  });
} finally {
  await platform.stopAll();
  await infra.dispose();
}
