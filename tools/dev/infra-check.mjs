// Step 1 of `pnpm start`: are PostgreSQL, Redis and NATS (with JetStream) reachable?
import pg from 'pg';
import { Redis } from 'ioredis';
import { connect } from 'nats';

const TIMEOUT_MS = 3000;

export const DEFAULT_URLS = {
  PostgreSQL: 'postgres://postgres@127.0.0.1:5432/media',
  Redis: 'redis://127.0.0.1:6379',
  NATS: 'nats://127.0.0.1:4222',
};
const URL_VARS = { PostgreSQL: 'DATABASE_URL', Redis: 'REDIS_URL', NATS: 'NATS_URL' };

export const START_COMMANDS = {
  PostgreSQL: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
  Redis:
    'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log',
  NATS: 'start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log',
};

// Same images as docker-compose.yml, published on the ports the defaults expect.
const DOCKER_COMMANDS = {
  PostgreSQL: 'docker run -d --name mp-postgres -p 127.0.0.1:5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust postgres:15',
  Redis: 'docker run -d --name mp-redis -p 127.0.0.1:6379:6379 redis:7',
  NATS: 'docker run -d --name mp-nats -p 127.0.0.1:4222:4222 nats:2.10-alpine -js',
};

/** The URL without its password, for messages. */
export function redactUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

function hostPort(url) {
  try {
    const u = new URL(url);
    const port =
      u.port || { 'postgres:': '5432', 'postgresql:': '5432', 'redis:': '6379', 'nats:': '4222' }[u.protocol] || '';
    return `${u.hostname}:${port}`;
  } catch {
    return url;
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from ${what} within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function describe(err) {
  if (err && typeof err === 'object' && Array.isArray(err.errors) && err.errors.length) {
    return err.errors.map((e) => e.message ?? String(e)).join('; ');
  }
  return err?.message || err?.code || String(err);
}

async function checkPostgres(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: TIMEOUT_MS });
  client.on('error', () => undefined);
  try {
    await withTimeout(client.connect(), TIMEOUT_MS + 500, 'PostgreSQL');
    await withTimeout(client.query('SELECT 1'), TIMEOUT_MS, 'PostgreSQL');
    return { ok: true };
  } catch (err) {
    // The server is up and only the database is missing: step 3 creates it.
    if (err?.code === '3D000') return { ok: true, note: 'database does not exist yet (will be created)' };
    return { ok: false, reason: describe(err) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkRedis(url) {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  let lastError;
  redis.on('error', (err) => (lastError = err));
  try {
    await withTimeout(redis.connect(), TIMEOUT_MS + 500, 'Redis');
    const pong = await withTimeout(redis.ping(), TIMEOUT_MS, 'Redis');
    if (pong !== 'PONG') return { ok: false, reason: `unexpected PING answer ${JSON.stringify(pong)}` };
    return { ok: true };
  } catch (err) {
    // ioredis rejects with "Connection is closed"; the cause came through its 'error' event.
    return { ok: false, reason: describe(lastError ?? err) };
  } finally {
    redis.disconnect();
  }
}

async function checkNats(url) {
  let nc;
  try {
    nc = await withTimeout(
      connect({ servers: url, reconnect: false, timeout: TIMEOUT_MS, name: 'pnpm-start-check' }),
      TIMEOUT_MS + 500,
      'NATS',
    );
  } catch (err) {
    return { ok: false, reason: describe(err) };
  }
  try {
    // Asks the server for the account's JetStream info: fails when the server runs without -js.
    await withTimeout(nc.jetstreamManager(), TIMEOUT_MS, 'NATS JetStream');
    return { ok: true };
  } catch (err) {
    return {
      ok: false,
      reason: `reachable, but JetStream is not enabled (${describe(err)}); nats-server must run with -js`,
    };
  } finally {
    await nc.close().catch(() => undefined);
  }
}

/** Checks all three at once; returns one result per service. */
export async function checkInfrastructure({ databaseUrl, redisUrl, natsUrl }) {
  const [postgres, redis, nats] = await Promise.all([
    checkPostgres(databaseUrl),
    checkRedis(redisUrl),
    checkNats(natsUrl),
  ]);
  return [
    { name: 'PostgreSQL', url: databaseUrl, ...postgres },
    { name: 'Redis', url: redisUrl, ...redis },
    { name: 'NATS', url: natsUrl, ...nats },
  ];
}

/** Prints one line per service; for each missing one, why and the command that starts it. */
export function reportInfrastructure(results, log = console.log) {
  for (const r of results) {
    if (r.ok) log(`  ✔ ${r.name.padEnd(10)} ${redactUrl(r.url)}${r.note ? ` — ${r.note}` : ''}`);
    else log(`  ✖ ${r.name.padEnd(10)} ${redactUrl(r.url)} — ${r.reason}`);
  }
  const missing = results.filter((r) => !r.ok);
  if (!missing.length) return true;
  log('');
  log(`Missing: ${missing.map((r) => r.name).join(', ')}. Start ${missing.length === 1 ? 'it' : 'them'} with:`);
  for (const r of missing) {
    log('');
    log(`  # ${r.name}`);
    log(`  ${START_COMMANDS[r.name]}`);
    if (hostPort(r.url) !== hostPort(DEFAULT_URLS[r.name])) {
      log(
        `  (that listens on ${hostPort(DEFAULT_URLS[r.name])}; ${URL_VARS[r.name]} points to ${hostPort(r.url)} — start it there or unset ${URL_VARS[r.name]})`,
      );
    }
  }
  log('');
  log('Or in Docker (the images docker-compose.yml uses):');
  for (const r of missing) log(`  ${DOCKER_COMMANDS[r.name]}`);
  log('');
  log('(or run the whole platform in Docker instead of `pnpm start`:');
  log(
    ' ADMIN_TOKEN=<16+ chars> STORAGE_EVENTS_TOKEN=<16+ chars> docker compose up -d --build — see docs/deployment.md)',
  );
  return false;
}
