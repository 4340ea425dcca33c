// What `pnpm start` keeps between runs, under `.data/` (gitignored): tokens, keys and the S3 data.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function dataPaths(root) {
  const dir = join(root, '.data');
  return {
    dir,
    keys: join(dir, 'dev-keys.json'),
    settings: join(dir, 'dev-settings.json'),
    s3: join(dir, 's3'),
  };
}

export function randomToken(prefix = '', bytes = 24) {
  return `${prefix}${randomBytes(bytes).toString('hex')}`;
}

function readJson(file) {
  if (!existsSync(file)) return {};
  try {
    const value = JSON.parse(readFileSync(file, 'utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  } catch (err) {
    console.warn(`! ${file} is not valid JSON (${err.message}); starting it afresh`);
    return {};
  }
}

/** Secrets: readable by the owner only; written whole (temp file + rename) so a crash never leaves half a file. */
export function writeJson(file, value) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}

/**
 * The local settings every run reuses: S3 credentials of the embedded server and the token of
 * files' storage-event webhook (generated on the first run).
 */
export function loadSettings(paths) {
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  mkdirSync(paths.s3, { recursive: true });
  const saved = readJson(paths.settings);
  const settings = {
    s3_access_key_id:
      typeof saved.s3_access_key_id === 'string' && saved.s3_access_key_id
        ? saved.s3_access_key_id
        : `DEV${randomBytes(8).toString('hex').toUpperCase()}`,
    s3_secret_access_key:
      typeof saved.s3_secret_access_key === 'string' && saved.s3_secret_access_key
        ? saved.s3_secret_access_key
        : randomToken('', 20),
    storage_events_token:
      typeof saved.storage_events_token === 'string' && saved.storage_events_token.length >= 16
        ? saved.storage_events_token
        : randomToken('', 24),
    // Seals the S3-protocol secret keys at rest: changing it makes the stored ones unreadable.
    s3_credentials_master_key:
      typeof saved.s3_credentials_master_key === 'string' &&
      Buffer.from(saved.s3_credentials_master_key, 'base64').length === 32
        ? saved.s3_credentials_master_key
        : randomBytes(32).toString('base64'),
  };
  if (JSON.stringify(settings) !== JSON.stringify(saved)) writeJson(paths.settings, settings);
  return settings;
}

/** `.data/dev-keys.json`: the admin token (generated on the first run) and the dev team's keys. */
export function loadKeys(paths) {
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  const saved = readJson(paths.keys);
  if (typeof saved.admin_token === 'string' && saved.admin_token.length >= 16) return saved;
  const keys = { ...saved, admin_token: randomToken('adm_', 24) };
  writeJson(paths.keys, keys);
  return keys;
}
