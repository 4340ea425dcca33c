// Issue 3 item 9: index BENCH_DOCS (default 1,000,000) synthetic file documents through the real
// event path — `files.file.uploaded` envelopes published to JetStream with the event id as message
// id, exactly as the files service's outbox relays them — into a running search-indexer process,
// then time five seed-style queries through the gateway (HTTP → NATS RPC → search backend).
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { runConcurrent, summarize, writeResult, root } from './bench-kit.mjs';

const require = createRequire(import.meta.url);
const { createTestInfra, PlatformProcesses, createTeamWithKeys, fileDocument } = require(
  `${root}/libs/testing/dist/index.js`,
);
const { wireNames, encodeJson, buildEnvelope } = require(`${root}/libs/platform/dist/index.js`);
const { Client } = require('pg');

const DOCS = Number(process.env.BENCH_DOCS ?? 1_000_000);
const TEAMS = Number(process.env.BENCH_TEAMS ?? 20); // the benchmark team plus synthetic ones, equal shares
const PUBLISH_IN_FLIGHT = Number(process.env.BENCH_PUBLISH_IN_FLIGHT ?? 2000);
const QUERY_RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 200);
const FOLDERS = 20;
const PROJECTS = 30;
const MODELS = ['flux-schnell', 'flux-dev', 'sdxl', 'kling-1.6-pro', 'seedream-3'];
const TYPES = [
  ['image/png', 'png'],
  ['image/jpeg', 'jpg'],
  ['video/mp4', 'mp4'],
  ['audio/wav', 'wav'],
  ['image/webp', 'webp'],
];
const TAGS = [
  'portrait',
  'approved',
  'input',
  'landscape',
  'draft',
  'training',
  'needs-approval',
  'high-priority',
  'archive',
  'review',
];
const START = Date.parse('2025-11-01T00:00:00.000Z');
const SPAN_MS = 40 * 86_400_000;

/** Document i: deterministic, spread over teams, folders, types, projects, models, tags and 40 days; the rest as `fileDocument` defaults it. */
function document(i, teams) {
  const team = teams[i % teams.length];
  const k = Math.floor(i / teams.length); // the document's number within its team: attributes vary per team
  const [contentType, ext] = TYPES[(k + Math.floor(k / 35)) % TYPES.length];
  const created = new Date(START + Math.floor((i / DOCS) * SPAN_MS)).toISOString();
  const filename = `render_${String(i).padStart(7, '0')}.${ext}`;
  const folder = `projects/folder-${Math.floor(k / 7) % FOLDERS}`;
  const tags = [TAGS[k % TAGS.length], TAGS[Math.floor(k / 3) % TAGS.length]].filter((t, n, a) => a.indexOf(t) === n);
  const project = `project-${Math.floor(k / 11) % PROJECTS}`;
  return fileDocument({
    object_key: `aiapi/${team}/${folder}/${START + i}_${filename}`,
    filename,
    team_id: team,
    created_at: created,
    expires_at: null,
    source: k % 2 ? 'prediction' : 'upload',
    source_model: k % 2 ? MODELS[Math.floor(k / 2) % MODELS.length] : null,
    upload_ip: '203.0.113.7',
    content_type: contentType,
    size: 10_000 + (i % 5_000_000),
    extension: ext,
    folder,
    tags,
    project,
    environment: 'production',
    width: 1024,
    height: 1024,
    prompt: k % 2 ? `a watercolor landscape number ${i}` : null,
    seed: k % 2 ? i : null,
    metadata: { project, tags },
  });
}

const infra = await createTestInfra({ s3: true });
const env = { ...infra.env, LOG_LEVEL: 'warn', DB_POOL_SIZE: '10' };
const platform = await PlatformProcesses.start(env, ['quota-billing', 'search-indexer', 'gateway']);
const db = new Client({ connectionString: infra.env.DATABASE_URL });
await db.connect();
try {
  const team = await createTeamWithKeys(platform.gatewayUrl, 'bench-search', ['cdt']);
  const teams = [team.teamId, ...Array.from({ length: TEAMS - 1 }, () => randomUUID())];
  const headers = { 'X-API-Key': team.keys.cdt.key, 'Content-Type': 'application/json' };
  const js = infra.nc.jetstream();
  const subject = wireNames(infra.namespace).event('files.file.uploaded');

  // 1. Index through the event path; the clock runs from the first publish to the last document indexed.
  const started = performance.now();
  let published = 0;
  let publishSeconds = 0;
  const publishing = (async () => {
    const inFlight = new Set();
    for (let i = 0; i < DOCS; i++) {
      const envelope = buildEnvelope('files.file.uploaded', { file: document(i, teams) });
      const p = js.publish(subject, encodeJson(envelope), { msgID: envelope.id, timeout: 30_000 }).then(() => {
        published++;
        inFlight.delete(p);
      });
      inFlight.add(p);
      if (inFlight.size >= PUBLISH_IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    publishSeconds = (performance.now() - started) / 1000;
  })();
  let indexed = 0;
  let lastLog = 0;
  for (;;) {
    const { rows } = await db.query('SELECT count(*)::int AS n FROM search.file_documents');
    indexed = rows[0].n;
    if (indexed >= DOCS) break;
    if (performance.now() - lastLog > 10_000) {
      lastLog = performance.now();
      console.log(
        `indexed ${indexed}/${DOCS}, published ${published}, ${Math.round(indexed / ((performance.now() - started) / 1000))} docs/s`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const indexSeconds = (performance.now() - started) / 1000;
  await publishing;
  await db.query('ANALYZE search.file_documents');

  // 2. Five seed-style queries of the benchmark team (1/TEAMS of the documents), through the gateway.
  const search = (body) =>
    fetch(`${platform.gatewayUrl}/v1/files/storage/search`, { method: 'POST', headers, body: JSON.stringify(body) });
  const queries = {
    folder_content_type_by_created_at: (i) =>
      search({
        filters: { folder: `projects/folder-${i % FOLDERS}`, content_type: 'image/png' },
        sort_by: 'created_at',
        sort_order: 'desc',
        page_size: 20,
      }),
    project_tags: (i) => search({ filters: { project: `project-${i % PROJECTS}`, tags: ['approved'] }, page_size: 20 }),
    source_model_created_range: (i) =>
      search({
        filters: {
          source_model: MODELS[i % MODELS.length],
          created_at: { gte: new Date(START + SPAN_MS - 3 * 86_400_000).toISOString() },
        },
        page_size: 20,
      }),
    filename_text: (i) =>
      search({
        filters: {
          filename: `render_${String((i * 7919 * TEAMS) % DOCS)
            .padStart(7, '0')
            .slice(0, 6)}`,
        },
        page_size: 20,
      }),
    distinct_folder: () => fetch(`${platform.gatewayUrl}/v1/files/storage/distinct/folder`, { headers }),
  };
  const results = {};
  for (const [name, run] of Object.entries(queries)) {
    let lastTotal;
    const check = async (i) => {
      const res = await run(i);
      const body = await res.json();
      if (res.status !== 200) throw new Error(`${name}: ${res.status} ${JSON.stringify(body)}`);
      lastTotal = body.total ?? body.count;
    };
    await runConcurrent({ total: 20, concurrency: 1, task: check }); // warm-up
    const r = await runConcurrent({ total: QUERY_RUNS, concurrency: 1, task: check });
    results[name] = {
      runs: QUERY_RUNS,
      errors: r.errors,
      latency: summarize(r.latencies),
      example_result_count: lastTotal,
    };
  }

  writeResult(DOCS === 1_000_000 ? 'search-1m' : `search-${DOCS}`, {
    backend: 'postgres',
    documents: DOCS,
    teams: TEAMS,
    documents_in_queried_team: Math.ceil(DOCS / TEAMS),
    indexing: {
      seconds: Math.round(indexSeconds * 10) / 10,
      docs_per_second: Math.round(DOCS / indexSeconds),
      publish_seconds: Math.round(publishSeconds * 10) / 10,
      target_docs_per_second: 5000,
      note: 'first publish to last document visible in search.file_documents; publisher, NATS, indexer and Postgres share the machine',
    },
    queries: results,
    target_p95_ms: 50,
    note: 'queries sequential through the gateway (auth, NATS RPC, parse, SQL, signed URLs per hit)',
  });
} finally {
  await db.end();
  await platform.stopAll();
  await infra.dispose();
}
