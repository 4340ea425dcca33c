// Step 8 of `pnpm start`: the development team and one key of each kind, through the gateway's
// admin API, kept in `.data/dev-keys.json` and reused while the team exists.

import { randomBytes } from 'node:crypto';

export const KEY_KINDS = ['cdt', 'kikaku', 'kikaku_s3', 'image', 'bucket'];
const TEAM_NAME = 'dev';

/** Which kinds `saved` lacks a usable secret for. */
function missingKinds(saved) {
  return KEY_KINDS.filter((kind) => {
    if (kind === 'image')
      return !(saved.image && typeof saved.image.app_key === 'string' && typeof saved.image.secret_key === 'string');
    if (kind === 'bucket') return typeof saved.bucket_token !== 'string' || !saved.bucket_token;
    return typeof saved[kind] !== 'string' || !saved[kind];
  });
}

function storeKey(keys, kind, created) {
  if (kind === 'image') {
    if (!created.app_key || !created.secret_key)
      throw new Error(`image key without app_key/secret_key: ${JSON.stringify(Object.keys(created))}`);
    keys.image = { app_key: created.app_key, secret_key: created.secret_key };
    return;
  }
  if (!created.key) throw new Error(`${kind} key without "key" in the answer: ${JSON.stringify(Object.keys(created))}`);
  if (kind === 'bucket') keys.bucket_token = created.key;
  else keys[kind] = created.key;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** One admin call; transient failures (connection, 502/503/504) are retried for ~10 s. */
async function call(gatewayUrl, adminToken, method, path, body) {
  const headers = { authorization: `Bearer ${adminToken}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let lastError;
  for (let attempt = 0; attempt < 10; attempt++) {
    if (attempt) await sleep(1000);
    let res;
    try {
      res = await fetch(`${gatewayUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (err) {
      lastError = new Error(`${method} ${path}: ${err.cause?.message ?? err.message}`);
      continue;
    }
    const text = await res.text();
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if ([502, 503, 504].includes(res.status)) {
      lastError = new Error(`${method} ${path} → ${res.status} ${text.slice(0, 300)}`);
      continue;
    }
    return { status: res.status, json, text };
  }
  throw lastError;
}

function expectCreated(res, what) {
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`${what} failed: HTTP ${res.status} ${res.text.slice(0, 500)}`);
  if (!res.json || typeof res.json !== 'object')
    throw new Error(`${what}: the answer is not JSON: ${res.text.slice(0, 200)}`);
  return res.json;
}

/** Whether the saved development user can still log in (seed 003 OAuth2 password flow). */
async function canLogin(gatewayUrl, user) {
  const res = await fetch(`${gatewayUrl}/api/v1/login/access-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: user.username, password: user.password }).toString(),
    signal: AbortSignal.timeout(15_000),
  }).catch(() => undefined);
  return res?.status === 200;
}

/** The development user of seed 003 (`"user": {"username","password"}`), reused while it can log in. */
async function ensureDevUser(gatewayUrl, adminToken, keys) {
  const saved = keys.user;
  if (
    saved &&
    typeof saved.username === 'string' &&
    typeof saved.password === 'string' &&
    (await canLogin(gatewayUrl, saved))
  )
    return false;
  const username = `dev-${keys.team_id.slice(0, 8)}-${randomBytes(3).toString('hex')}@example.com`; // no "+": form-encoded by hand it would read as a space
  const password = randomBytes(18).toString('base64url');
  const res = await call(
    gatewayUrl,
    adminToken,
    'POST',
    `/admin/v1/teams/${encodeURIComponent(keys.team_id)}/accounts`,
    { username, password },
  );
  expectCreated(res, 'creating the development user');
  keys.user = { username, password };
  return true;
}

/** The S3-protocol credentials of the kikaku_s3 key (`GET /s3/credentials`): endpoint, region, bucket, key pair. */
async function s3Credentials(gatewayUrl, s3Key) {
  const res = await call(gatewayUrl, s3Key, 'GET', '/s3/credentials');
  if (res.status !== 200) throw new Error(`GET /s3/credentials failed: HTTP ${res.status} ${res.text.slice(0, 500)}`);
  return res.json;
}

/**
 * Reuses the team of `saved.team_id` if the gateway still knows it (creating only the keys that
 * are missing), otherwise creates team "dev" and all keys. `save` is called after every change so
 * an interrupted run never loses a created key.
 */
export async function ensureDevTeam({ gatewayUrl, adminToken, saved, save }) {
  let keys = { admin_token: adminToken };
  let reused = false;
  if (typeof saved.team_id === 'string' && saved.team_id) {
    const res = await call(gatewayUrl, adminToken, 'GET', `/admin/v1/teams/${encodeURIComponent(saved.team_id)}`);
    if (res.status === 200) {
      reused = true;
      keys = { ...saved, admin_token: adminToken };
    } else if (res.status === 401 || res.status === 403) {
      throw new Error(
        `the gateway refused the admin token (HTTP ${res.status}) — is another gateway listening on ${gatewayUrl}?`,
      );
    } else if (res.status >= 500) {
      throw new Error(`GET /admin/v1/teams/${saved.team_id} failed: HTTP ${res.status} ${res.text.slice(0, 500)}`);
    }
    // Any other answer (404, or 400 for an id that is no UUID): the saved team is gone.
  }
  if (!reused) {
    const team = expectCreated(
      await call(gatewayUrl, adminToken, 'POST', '/admin/v1/teams', { name: TEAM_NAME }),
      'creating the dev team',
    );
    if (typeof team.id !== 'string') throw new Error(`creating the dev team: no id in ${JSON.stringify(team)}`);
    keys = { admin_token: adminToken, team_id: team.id };
    save(keys);
  }
  const created = [];
  for (const kind of missingKinds(keys)) {
    const res = await call(
      gatewayUrl,
      adminToken,
      'POST',
      `/admin/v1/teams/${encodeURIComponent(keys.team_id)}/api-keys`,
      { kind },
    );
    storeKey(keys, kind, expectCreated(res, `creating the ${kind} key`));
    created.push(kind);
    save(keys);
  }
  if (await ensureDevUser(gatewayUrl, adminToken, keys)) {
    created.push('user');
    save(keys);
  }
  const ordered = {
    admin_token: keys.admin_token,
    team_id: keys.team_id,
    cdt: keys.cdt,
    kikaku: keys.kikaku,
    kikaku_s3: keys.kikaku_s3,
    s3: await s3Credentials(gatewayUrl, keys.kikaku_s3),
    image: keys.image,
    bucket_token: keys.bucket_token,
    user: keys.user,
  };
  save(ordered);
  return { keys: ordered, reused, created };
}
