#!/usr/bin/env node
// `pnpm start`: the whole platform on this machine. Checks PostgreSQL/Redis/NATS, builds, creates
// the database, starts the embedded S3 server and every app as processes of their own, waits
// until all are ready, creates the dev team and its keys (.data/dev-keys.json) and prints them.
// Ctrl-C stops everything. See tools/dev/README.md.
//
//   node tools/dev/start.mjs [--check] [--no-build]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect as tcpConnect } from 'node:net';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataPaths, loadKeys, loadSettings, writeJson } from './dev-data.mjs';
import { ensureDevTeam } from './dev-team.mjs';
import { checkInfrastructure, redactUrl, reportInfrastructure } from './infra-check.mjs';
import { describeExit, paint, ProcessGroup, useColor } from './processes.mjs';
import { describeRestart, supervise } from './supervisor.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const APPS = [
  { name: 'gateway', port: 8080 },
  { name: 'files', port: 8081 },
  { name: 'search-indexer', port: 8082 },
  { name: 'image-ops', port: 8083 },
  { name: 'generation-broker', port: 8084 },
  { name: 'buckets', port: 8085 },
  { name: 'quota-billing', port: 8086 },
  { name: 'notifier', port: 8087 },
];
const S3_PROCESS = 'embedded-s3';
const S3_MAIN = join(ROOT, 'libs', 'testing', 'dist', 'embedded-s3.main.js');
const STOP_TIMEOUT_MS = 30_000;
/** How each process is started (again, after a crash): name → () => proc. */
const launchers = new Map();

const USAGE = `usage: node tools/dev/start.mjs [--check] [--no-build]
  --check      only check PostgreSQL, Redis and NATS (exit 1 naming what is missing)
  --no-build   skip \`pnpm build\` (use the existing apps/*/dist and libs/*/dist)`;

const flags = new Set(process.argv.slice(2));
for (const flag of flags) {
  if (!['--check', '--no-build', '--help', '-h'].includes(flag)) {
    console.error(`unknown option ${flag}\n${USAGE}`);
    process.exit(2);
  }
}
if (flags.has('--help') || flags.has('-h')) {
  console.log(USAGE);
  process.exit(0);
}

const env = process.env;
let phase = 'starting'; // starting | running | stopping
let buildChild;
class StartAborted extends Error {}
const group = new ProcessGroup({
  labelWidth: Math.max(...APPS.map((a) => a.name.length), S3_PROCESS.length),
  verbose: env.START_VERBOSE === '1',
});
const intEnv = (name, fallback) => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) fail(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
};

const settings = {
  databaseUrl: env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/media',
  redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
  natsUrl: env.NATS_URL || 'nats://127.0.0.1:4222',
  gatewayPort: intEnv('PORT', 8080),
  // The gateway's /metrics, on this machine only (its public port serves none).
  gatewayMetricsPort: intEnv('METRICS_PORT', 9464),
  s3Port: intEnv('S3_PORT', 9000),
  s3Host: env.S3_HOST || '127.0.0.1',
  readyTimeoutMs: intEnv('START_TIMEOUT_MS', 90_000),
};

const startedAt = Date.now();

const say = (text = '') => console.log(text);
const step = (text) => say(`\n${paint(1, '▶')} ${paint(1, text)}`);
const done = (text) => say(`${paint(32, '✔')} ${text}`);

function fail(message, details = []) {
  if (phase === 'stopping') throw new StartAborted();
  console.error(`\n${paint(31, '✖')} ${message}`);
  for (const line of details) console.error(line);
  if (!group.all().some((p) => p.running)) process.exit(1);
  void shutdown(1);
  // Keeps the stack from continuing; shutdown() exits.
  throw new StartAborted();
}

// --- stopping -----------------------------------------------------------------------------------

let shutdownPromise;
function shutdown(code) {
  if (shutdownPromise) return shutdownPromise;
  phase = 'stopping';
  shutdownPromise = (async () => {
    buildChild?.kill('SIGTERM');
    const apps = APPS.map((a) => a.name).filter((n) => group.get(n)?.running);
    if (apps.length || group.get(S3_PROCESS)?.running)
      say(
        `\nStopping ${[...apps, S3_PROCESS].filter((n) => group.get(n)?.running).join(', ')} … (Ctrl-C again to force)`,
      );
    const onKill = (name) => say(`${paint(33, '!')} ${name} did not stop within ${STOP_TIMEOUT_MS / 1000}s: killed`);
    await group.stop(apps, STOP_TIMEOUT_MS, onKill);
    // Object storage last: apps finishing in-flight work may still need it.
    await group.stop([S3_PROCESS], 10_000, onKill);
    if (code === 0) done('stopped');
    process.exit(code);
  })();
  return shutdownPromise;
}

let signals = 0;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    signals += 1;
    if (signals > 1) {
      say(`\n${paint(33, '!')} ${signal} again: killing everything`);
      buildChild?.kill('SIGKILL');
      group.killAll();
      process.exit(130);
    }
    void shutdown(0);
  });
}

process.on('unhandledRejection', (err) => {
  if (err instanceof StartAborted) return;
  console.error(err);
  void shutdown(1);
});

// --- helpers ------------------------------------------------------------------------------------

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function tcpOpen(host, port, timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host, port });
    const finish = (open) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

/** `pnpm build`'s steps: the services (tsc -b), then the portal (its typecheck and the Vite build). */
const BUILD_STEPS = [
  ['tsc', ['-b', 'tsconfig.build.json']],
  ['tsc', ['-p', 'apps/portal/tsconfig.json']],
  ['vite', ['build', '--config', 'apps/portal/vite.config.mts', '--logLevel', 'warn']],
];

async function runBuild() {
  for (const [bin, args] of BUILD_STEPS) {
    const result = await runBuildStep(join(ROOT, 'node_modules', '.bin', bin), args);
    if (result.code !== 0) return result;
  }
  return { code: 0 };
}

function runBuildStep(command, args) {
  return new Promise((resolve) => {
    buildChild = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env });
    buildChild.once('error', (err) => resolve({ code: null, error: err }));
    buildChild.once('exit', (code, signal) => resolve({ code, signal }));
  }).finally(() => (buildChild = undefined));
}

/** Where to reach a server bound to `host` from this machine. */
function probeHost(host) {
  if (!host || host === '0.0.0.0' || host === '::' || host === 'localhost') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function indent(lines, prefix = '    ') {
  return lines.length ? lines.map((l) => `${prefix}${l}`) : [`${prefix}(no output)`];
}

function definedEnv(source) {
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
}

// --- main ---------------------------------------------------------------------------------------

async function main() {
  // 1. infrastructure
  step('PostgreSQL, Redis, NATS');
  const results = await checkInfrastructure(settings);
  if (!reportInfrastructure(results)) process.exit(1);
  if (flags.has('--check')) process.exit(0);

  // 2. build
  if (flags.has('--no-build')) {
    step('build skipped (--no-build)');
  } else {
    step('build (tsc -b tsconfig.build.json, then the portal with Vite)');
    const t0 = Date.now();
    const result = await runBuild();
    if (phase === 'stopping') return;
    if (result.code !== 0)
      fail(result.error ? `could not run the build: ${result.error.message}` : 'build failed (see the output above)');
    done(`built in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  }
  const missing = [S3_MAIN, ...APPS.map((a) => join(ROOT, 'apps', a.name, 'dist', 'main.js'))].filter(
    (f) => !existsSync(f),
  );
  if (missing.length)
    fail(`not built: ${missing.map((f) => relative(ROOT, f)).join(', ')} — run \`pnpm build\` (or drop --no-build)`);

  // 3. database
  step('database');
  const requireFromRoot = createRequire(join(ROOT, 'package.json'));
  const { ensureDatabase } = requireFromRoot('@mp/platform');
  try {
    await ensureDatabase(settings.databaseUrl);
  } catch (err) {
    fail(`could not create the database of ${redactUrl(settings.databaseUrl)}: ${err.message}`);
  }
  done(redactUrl(settings.databaseUrl));

  // 4. persisted dev data
  const paths = dataPaths(ROOT);
  const local = loadSettings(paths);
  const savedKeys = loadKeys(paths);
  const adminToken = env.ADMIN_TOKEN || savedKeys.admin_token;

  const defaults = {
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    DATABASE_URL: settings.databaseUrl,
    REDIS_URL: settings.redisUrl,
    NATS_URL: settings.natsUrl,
    NAMESPACE: 'mp',
    // Dev keys and the admin token are printed in clear: listen on this machine only.
    HTTP_HOST: '127.0.0.1',
    S3_ENDPOINT: `http://127.0.0.1:${settings.s3Port}`,
    S3_ACCESS_KEY_ID: local.s3_access_key_id,
    S3_SECRET_ACCESS_KEY: local.s3_secret_access_key,
    S3_BUCKET: 'media',
    S3_FORCE_PATH_STYLE: 'true',
    ADMIN_TOKEN: adminToken,
    STORAGE_EVENTS_TOKEN: local.storage_events_token,
    S3_CREDENTIALS_MASTER_KEY: local.s3_credentials_master_key,
    // Media URLs (seed 003 attachments) go through the gateway's signed /files route.
    PUBLIC_BASE_URL: `http://127.0.0.1:${settings.gatewayPort}`,
    // package.json supports Node 20; the SDK's multi-line notice about Node 22 would repeat per app.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    // Nest colours its own (pre-logger) lines; not when the output goes to a file or a pipe.
    ...(useColor ? {} : { NO_COLOR: '1' }),
  };
  const shared = { ...defaults, ...definedEnv(env) };
  shared.S3_PUBLIC_ENDPOINT = env.S3_PUBLIC_ENDPOINT || shared.S3_ENDPOINT;

  // Ports already taken (most often: a `pnpm start` still running in another terminal).
  const wanted = [
    { name: S3_PROCESS, port: settings.s3Port },
    ...APPS.map((a) => ({ name: a.name, port: a.name === 'gateway' ? settings.gatewayPort : a.port })),
    { name: 'gateway metrics', port: settings.gatewayMetricsPort },
  ];
  const taken = [];
  for (const w of wanted) if (w.port && (await tcpOpen('127.0.0.1', w.port))) taken.push(w);
  if (taken.length) {
    fail(`port${taken.length > 1 ? 's' : ''} already in use: ${taken.map((t) => `${t.port} (${t.name})`).join(', ')}`, [
      '  Is another `pnpm start` running? Stop it, or free the port (gateway: PORT, embedded S3: S3_PORT).',
    ]);
  }

  // 5. embedded S3
  step('embedded S3');
  launchers.set(S3_PROCESS, () =>
    group.spawn(S3_PROCESS, process.execPath, [S3_MAIN], {
      cwd: ROOT,
      env: {
        ...shared,
        S3_PORT: String(settings.s3Port),
        S3_HOST: settings.s3Host,
        S3_DATA_DIR: env.S3_DATA_DIR || paths.s3,
      },
    }),
  );
  const s3 = launchers.get(S3_PROCESS)();
  const s3Deadline = Date.now() + 30_000;
  while (!(await tcpOpen(probeHost(settings.s3Host).replace(/^\[|\]$/g, ''), settings.s3Port))) {
    if (phase === 'stopping') return;
    if (!s3.running)
      fail(
        `embedded S3 ${describeExit(s3.exitInfo)} during start-up. Last output:`,
        indent(group.lastLines(S3_PROCESS, 30)),
      );
    if (Date.now() > s3Deadline)
      fail('embedded S3 did not listen within 30s. Last output:', indent(group.lastLines(S3_PROCESS, 30)));
    await sleep(200);
  }
  done(
    `${shared.S3_ENDPOINT} (bucket ${shared.S3_BUCKET}, data in ${relative(ROOT, env.S3_DATA_DIR || paths.s3) || '.'})`,
  );

  // 6. apps
  step(`apps: ${APPS.map((a) => a.name).join(', ')}`);
  const targets = APPS.map((app) => {
    const portEnv =
      app.name === 'gateway'
        ? { PORT: String(settings.gatewayPort), METRICS_PORT: String(settings.gatewayMetricsPort) }
        : { HTTP_PORT: String(app.port) };
    const port = app.name === 'gateway' ? settings.gatewayPort : app.port;
    launchers.set(app.name, () =>
      group.spawn(app.name, process.execPath, [join(ROOT, 'apps', app.name, 'dist', 'main.js')], {
        cwd: ROOT,
        env: { ...shared, ...portEnv },
      }),
    );
    launchers.get(app.name)();
    return {
      name: app.name,
      url: `http://${probeHost(shared.HTTP_HOST)}:${port}/health/ready`,
      ready: false,
      last: 'no answer yet',
    };
  });

  // 7. readiness
  const deadline = Date.now() + settings.readyTimeoutMs;
  let nextProgress = Date.now() + 10_000;
  while (targets.some((t) => !t.ready)) {
    if (phase === 'stopping') return;
    for (const proc of [s3, ...targets.map((t) => group.get(t.name))]) {
      if (!proc.running) {
        fail(
          `${proc.name} ${describeExit(proc.exitInfo)} during start-up. Last output:`,
          indent(group.lastLines(proc.name, 40)),
        );
      }
    }
    await Promise.all(
      targets
        .filter((t) => !t.ready)
        .map(async (t) => {
          try {
            const res = await fetch(t.url, { signal: AbortSignal.timeout(2000) });
            const body = await res.text();
            t.ready = res.status === 200;
            t.last = `HTTP ${res.status} ${body.slice(0, 300)}`;
          } catch (err) {
            t.last = `no answer (${err.cause?.code ?? err.cause?.message ?? err.message})`;
          }
        }),
    );
    if (targets.every((t) => t.ready)) break;
    if (Date.now() > deadline) {
      const waiting = targets.filter((t) => !t.ready);
      const details = [];
      for (const t of waiting) {
        details.push(`  ${t.name}: GET ${t.url} → ${t.last}`);
        details.push(...indent(group.lastLines(t.name, 15)));
      }
      fail(`not ready after ${settings.readyTimeoutMs / 1000}s: ${waiting.map((t) => t.name).join(', ')}`, details);
    }
    if (Date.now() > nextProgress) {
      nextProgress = Date.now() + 10_000;
      say(
        `${paint(90, '…')} waiting for ${targets
          .filter((t) => !t.ready)
          .map((t) => t.name)
          .join(', ')} (${Math.round((Date.now() - startedAt) / 1000)}s)`,
      );
    }
    await sleep(500);
  }
  done('every app answers /health/ready');

  // 8. dev team and keys
  step('dev team');
  const gatewayUrl = `http://${probeHost(shared.HTTP_HOST)}:${settings.gatewayPort}`;
  let team;
  try {
    team = await ensureDevTeam({
      gatewayUrl,
      adminToken,
      saved: savedKeys,
      save: (keys) => writeJson(paths.keys, keys),
    });
  } catch (err) {
    fail(`could not set up the dev team through the admin API: ${err.message}`, [
      '  Last gateway output:',
      ...indent(group.lastLines('gateway', 15)),
    ]);
  }
  done(
    team.reused
      ? `reusing team ${team.keys.team_id}${team.created.length ? ` (new keys: ${team.created.join(', ')})` : ''}`
      : `created team "dev" ${team.keys.team_id}`,
  );

  phase = 'running';
  printSummary(team.keys, shared, paths);
  watchForCrashes();
}

function printSummary(keys, shared, paths) {
  const base = `http://localhost:${settings.gatewayPort}`;
  const row = (label, value) => say(`  ${paint(1, label.padEnd(13))} ${value}`);
  say(
    `\n${paint(32, '✔')} ${paint(1, `Media platform is running`)} (ready in ${((Date.now() - startedAt) / 1000).toFixed(1)}s)\n`,
  );
  row('Gateway', base);
  row('API docs', `${base}/docs`);
  row('Portal', `${base}/portal/`);
  row('S3', `${shared.S3_PUBLIC_ENDPOINT} (bucket ${shared.S3_BUCKET}, access key ${shared.S3_ACCESS_KEY_ID})`);
  row('Admin token', keys.admin_token);
  row('Team', keys.team_id);
  row('cdt', keys.cdt);
  row('kikaku', keys.kikaku);
  row('kikaku_s3', keys.kikaku_s3);
  if (keys.s3) {
    row('S3 API', `endpoint ${keys.s3.endpoint}  region ${keys.s3.region}  bucket ${keys.s3.bucket}`);
    row('', `access key ${keys.s3.access_key_id}  secret ${keys.s3.secret_access_key}`);
  }
  row('image', `app_key ${keys.image?.app_key}  secret_key ${keys.image?.secret_key}`);
  row('bucket_token', keys.bucket_token);
  row('user', `${keys.user?.username}  password ${keys.user?.password}  (POST /api/v1/login/access-token)`);
  row('Saved in', relative(ROOT, paths.keys));
  say('\n  Try:');
  say(
    `  curl -X POST ${base}/v1/files/upload-url -H "X-API-Key: ${keys.cdt}" -H "Content-Type: application/json" -d '{"filename":"a.png","folder":"inputs"}'`,
  );
  say(`\n  ${paint(90, 'Ctrl-C stops everything.')}\n`);
}

/**
 * After start-up a crash does not take the others down: the process is started again, 1 s after
 * the first exit, doubling to 30 s while it keeps exiting; a run healthy for 60 s resets the delay.
 */
function watchForCrashes() {
  for (const proc of group.all()) {
    void supervise({
      running: proc,
      start: launchers.get(proc.name),
      stopping: () => phase !== 'running',
      onExit: (info, restart) => {
        console.error(`\n${paint(31, '✖')} ${describeRestart(proc.name, describeExit(info), restart)}. Last output:`);
        for (const line of indent(group.lastLines(proc.name, 30))) console.error(line);
      },
      onRestart: (restarts) => say(`${paint(33, '↻')} restarting ${proc.name} (restart ${restarts})`),
    });
  }
}

main().catch((err) => {
  if (err instanceof StartAborted) return;
  console.error(err);
  void shutdown(1);
});
