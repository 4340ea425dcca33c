import { API_KEY_KINDS, ApiKeyKind, CreatedApiKey, Team } from '@mp/contracts';
import { LOGGER, RpcClient } from '@mp/platform';
import { BootedApp, bootApp, createTestInfra, TestInfra, waitFor } from '@mp/testing';
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { quotaBillingConfigSchema } from '../src/app.config';
import { startQuotaBilling } from '../src/start';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';
const INVALID_KEY = { code: 'InvalidApiKey', message: 'Invalid or revoked API key' };

const FORMATS: Record<Exclude<ApiKeyKind, 'image'>, RegExp> = {
  cdt: /^cdt_[A-Za-z0-9]{32,}$/,
  kikaku: /^kikaku_[A-Za-z0-9]{32,}$/,
  kikaku_s3: /^kikaku_s3_[A-Za-z0-9]{32,}$/,
  bucket: /^bkt_[A-Za-z0-9]{32,}$/,
};

/** The secret a client of the key's dialect sends (X-API-Key, Bearer, X-Auth-Token or Authorization). */
const secretOf = (created: CreatedApiKey) => (created.kind === 'image' ? created.secret_key! : created.key!);

describe('quota-billing tenancy and API keys over NATS RPC', () => {
  let infra: TestInfra;
  let booted: BootedApp;
  let rpc: RpcClient;
  let db: DataSource;
  const logged: unknown[] = [];
  const issued: CreatedApiKey[] = [];

  let teamA: Team;
  let teamB: Team;

  const createKey = async (team: Team, kind: ApiKeyKind, extra: { name?: string; user_id?: string } = {}) => {
    const created = await rpc.request('billing.key.create', { team_id: team.id, kind, ...extra });
    issued.push(created);
    return created;
  };
  /** As the gateway does: hash what the client sent, pass the image app key from the URL path. */
  const authenticateWith = (created: CreatedApiKey, appKey: string | undefined) =>
    rpc.request('billing.key.authenticate', { key_hash: sha256(secretOf(created)), app_key: appKey });
  const authenticate = (created: CreatedApiKey) => authenticateWith(created, created.app_key);

  beforeAll(async () => {
    infra = await createTestInfra();
    booted = await bootApp({ schema: quotaBillingConfigSchema, start: startQuotaBilling, env: infra.env });
    rpc = booted.app.get(RpcClient);
    db = booted.app.get(DataSource);
    const logger = booted.app.get<Logger>(LOGGER);
    for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const) {
      const original = logger[level].bind(logger);
      jest.spyOn(logger, level).mockImplementation(((...args: Parameters<typeof original>) => {
        logged.push(args);
        return original(...args);
      }) as typeof original);
    }
    teamA = await rpc.request('billing.team.create', { name: 'Team A' });
    teamB = await rpc.request('billing.team.create', { name: '  Team B  ' });
  });

  afterAll(async () => {
    await booted?.close();
    await infra?.dispose();
  });

  describe('teams', () => {
    it('creates, gets and lists teams with UUIDs and ISO dates', async () => {
      expect(teamA).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Team A',
        created_at: expect.any(String),
      });
      expect(new Date(teamA.created_at).toISOString()).toBe(teamA.created_at);
      expect(teamB.name).toBe('Team B');
      await expect(rpc.request('billing.team.get', { team_id: teamA.id })).resolves.toEqual(teamA);
      const { teams } = await rpc.request('billing.team.list', {});
      expect(teams.map((t) => t.id)).toEqual(expect.arrayContaining([teamA.id, teamB.id]));
    });

    it('reports an unknown team as TeamNotFound', async () => {
      await expect(rpc.request('billing.team.get', { team_id: UNKNOWN_UUID })).rejects.toMatchObject({
        code: 'TeamNotFound',
      });
      await expect(rpc.request('billing.user.list', { team_id: UNKNOWN_UUID })).rejects.toMatchObject({
        code: 'TeamNotFound',
      });
      await expect(rpc.request('billing.key.list', { team_id: UNKNOWN_UUID })).rejects.toMatchObject({
        code: 'TeamNotFound',
      });
      await expect(
        rpc.request('billing.user.create', { team_id: UNKNOWN_UUID, email: 'x@example.com' }),
      ).rejects.toMatchObject({ code: 'TeamNotFound' });
      await expect(rpc.request('billing.key.create', { team_id: UNKNOWN_UUID, kind: 'cdt' })).rejects.toMatchObject({
        code: 'TeamNotFound',
      });
    });
  });

  describe('users', () => {
    it('creates and lists users of a team', async () => {
      const user = await rpc.request('billing.user.create', {
        team_id: teamA.id,
        email: 'ana@example.com',
        name: 'Ana',
      });
      expect(user).toEqual({
        id: expect.any(String),
        team_id: teamA.id,
        email: 'ana@example.com',
        name: 'Ana',
        created_at: expect.any(String),
      });
      const nameless = await rpc.request('billing.user.create', { team_id: teamA.id, email: 'bo@example.com' });
      expect(nameless.name).toBeNull();
      const { users } = await rpc.request('billing.user.list', { team_id: teamA.id });
      expect(users.map((u) => u.email)).toEqual(['ana@example.com', 'bo@example.com']);
      expect((await rpc.request('billing.user.list', { team_id: teamB.id })).users).toEqual([]);
    });

    it('refuses a second user with the same e-mail in a team (case-insensitively), but not in another team', async () => {
      await rpc.request('billing.user.create', { team_id: teamA.id, email: 'dup@example.com' });
      await expect(
        rpc.request('billing.user.create', { team_id: teamA.id, email: 'Dup@Example.com' }),
      ).rejects.toMatchObject({ code: 'Conflict' });
      await expect(
        rpc.request('billing.user.create', { team_id: teamB.id, email: 'dup@example.com' }),
      ).resolves.toMatchObject({ team_id: teamB.id });
    });
  });

  describe('keys', () => {
    it.each(Object.entries(FORMATS))(
      'issues a %s key once and authenticates it to its team and kind',
      async (kind, format) => {
        const created = await createKey(teamA, kind as ApiKeyKind, { name: `${kind} key` });
        expect(created).toEqual({
          id: expect.any(String),
          kind,
          name: `${kind} key`,
          key: expect.stringMatching(format),
          created_at: expect.any(String),
        });
        await expect(authenticate(created)).resolves.toEqual({
          key_id: created.id,
          team_id: teamA.id,
          user_id: null,
          kind,
        });
      },
    );

    it('issues an image key as app key + secret key and needs both to authenticate', async () => {
      const created = await createKey(teamA, 'image');
      expect(created).toEqual({
        id: expect.any(String),
        kind: 'image',
        name: null,
        app_key: expect.stringMatching(/^[A-Za-z0-9]{20}$/),
        secret_key: expect.stringMatching(/^[A-Za-z0-9]{32,}$/),
        created_at: expect.any(String),
      });
      expect(created.key).toBeUndefined();
      await expect(authenticate(created)).resolves.toEqual({
        key_id: created.id,
        team_id: teamA.id,
        user_id: null,
        kind: 'image',
      });
      await expect(authenticateWith(created, undefined)).rejects.toMatchObject(INVALID_KEY);
      const other = await createKey(teamB, 'image');
      await expect(authenticateWith(created, other.app_key)).rejects.toMatchObject(INVALID_KEY);
      await expect(authenticateWith(created, created.app_key!.toLowerCase())).rejects.toMatchObject(INVALID_KEY);
    });

    it('binds a key to a user of its team only', async () => {
      const user = await rpc.request('billing.user.create', { team_id: teamA.id, email: 'keyholder@example.com' });
      const created = await createKey(teamA, 'kikaku', { user_id: user.id });
      await expect(authenticate(created)).resolves.toEqual({
        key_id: created.id,
        team_id: teamA.id,
        user_id: user.id,
        kind: 'kikaku',
      });
      await expect(
        rpc.request('billing.key.create', { team_id: teamB.id, kind: 'kikaku', user_id: user.id }),
      ).rejects.toMatchObject({ code: 'NotFound' });
      await expect(
        rpc.request('billing.key.create', { team_id: teamA.id, kind: 'kikaku', user_id: UNKNOWN_UUID }),
      ).rejects.toMatchObject({ code: 'NotFound' });
    });

    it('refuses unknown hashes with the same error', async () => {
      await expect(
        rpc.request('billing.key.authenticate', { key_hash: sha256('cdt_not_a_real_key') }),
      ).rejects.toMatchObject(INVALID_KEY);
      await expect(rpc.request('billing.key.authenticate', { key_hash: 'z'.repeat(64) })).rejects.toMatchObject(
        INVALID_KEY,
      );
    });

    it('revokes idempotently, refuses revoked keys and another team’s revocation', async () => {
      const created = await createKey(teamA, 'bucket');
      await expect(authenticate(created)).resolves.toMatchObject({ key_id: created.id });
      await expect(rpc.request('billing.key.revoke', { team_id: teamB.id, key_id: created.id })).rejects.toMatchObject({
        code: 'ApiKeyNotFound',
      });
      await expect(authenticate(created)).resolves.toMatchObject({ key_id: created.id });

      const revoked = await rpc.request('billing.key.revoke', { team_id: teamA.id, key_id: created.id });
      expect(revoked).toMatchObject({
        id: created.id,
        kind: 'bucket',
        team_id: teamA.id,
        revoked_at: expect.any(String),
      });
      await expect(authenticate(created)).rejects.toMatchObject(INVALID_KEY);
      const again = await rpc.request('billing.key.revoke', { team_id: teamA.id, key_id: created.id });
      expect(again.revoked_at).toBe(revoked.revoked_at);
      await expect(
        rpc.request('billing.key.revoke', { team_id: teamA.id, key_id: UNKNOWN_UUID }),
      ).rejects.toMatchObject({ code: 'ApiKeyNotFound' });
    });

    it('records last use without delaying authentication', async () => {
      const created = await createKey(teamB, 'cdt');
      const before = await db.query(`SELECT "last_used_at" FROM "billing"."api_keys" WHERE "id" = $1`, [created.id]);
      expect(before[0].last_used_at).toBeNull();
      await authenticate(created);
      await authenticate(created);
      const row = await waitFor(
        async () => {
          const rows = await db.query(`SELECT "last_used_at" FROM "billing"."api_keys" WHERE "id" = $1`, [created.id]);
          return rows[0].last_used_at ? rows[0] : undefined;
        },
        { what: 'last_used_at to be recorded' },
      );
      const { keys } = await rpc.request('billing.key.list', { team_id: teamB.id });
      expect(keys.find((k) => k.id === created.id)?.last_used_at).toBe(new Date(row.last_used_at).toISOString());
    });

    it('lists summaries with hints, never hashes or secrets', async () => {
      const { keys } = await rpc.request('billing.key.list', { team_id: teamA.id });
      const mine = issued.filter((k) => keys.some((s) => s.id === k.id));
      expect(mine.length).toBeGreaterThanOrEqual(API_KEY_KINDS.length);
      expect(keys.every((k) => k.team_id === teamA.id)).toBe(true);
      for (const summary of keys) {
        const aiImage = summary.kind === 'kikaku' ? ['ai_image'] : [];
        expect(Object.keys(summary).sort()).toEqual([
          ...aiImage,
          'app_key',
          'created_at',
          'hint',
          'id',
          'kind',
          'last_used_at',
          'name',
          'revoked_at',
          'team_id',
          'user_id',
        ]);
        const created = issued.find((k) => k.id === summary.id)!;
        expect(summary.hint.endsWith(secretOf(created).slice(-4))).toBe(true);
        expect(summary.app_key).toBe(created.app_key ?? null);
      }
      const body = JSON.stringify(keys);
      for (const created of mine) {
        expect(body).not.toContain(secretOf(created));
        expect(body).not.toContain(sha256(secretOf(created)));
      }
    });

    it('stores no plaintext secret in Postgres, only its SHA-256', async () => {
      const rows: Record<string, unknown>[] = await db.query(`SELECT * FROM "billing"."api_keys"`);
      const dump = JSON.stringify(rows);
      expect(issued.length).toBeGreaterThan(0);
      for (const created of issued) {
        expect(dump).not.toContain(secretOf(created));
        expect(dump).not.toContain(secretOf(created).slice(-20));
        const row = rows.find((r) => r.id === created.id)!;
        expect(row.key_hash).toBe(sha256(secretOf(created)));
        expect(row.app_key).toBe(created.app_key ?? null);
      }
    });

    it('authenticates with one probe of the unique hash index', async () => {
      const runner = db.createQueryRunner();
      try {
        await runner.query('SET enable_seqscan = off'); // the table is tiny here; check that the index serves the lookup
        const plan = await runner.query(
          `EXPLAIN (FORMAT JSON) SELECT "id" FROM "billing"."api_keys" WHERE "key_hash" = $1 AND "revoked_at" IS NULL`,
          [sha256('x')],
        );
        expect(JSON.stringify(plan)).toContain('"Index Name":"api_keys_key_hash_key"');
      } finally {
        await runner.query('RESET enable_seqscan');
        await runner.release();
      }
    });
  });

  describe('validation', () => {
    it('answers bad input with ValidationFailed naming the field', async () => {
      await expect(rpc.request('billing.team.create', { name: '   ' })).rejects.toMatchObject({
        code: 'ValidationFailed',
        message: expect.stringContaining('name'),
      });
      await expect(
        rpc.request('billing.key.create', { team_id: teamA.id, kind: 'nope' as ApiKeyKind }),
      ).rejects.toMatchObject({
        code: 'ValidationFailed',
        message: expect.stringContaining('kind'),
      });
      await expect(
        rpc.request('billing.user.create', { team_id: teamA.id, email: 'not-an-email' }),
      ).rejects.toMatchObject({ code: 'ValidationFailed', message: expect.stringContaining('email') });
      await expect(rpc.request('billing.key.revoke', { team_id: teamA.id, key_id: 'nope' })).rejects.toMatchObject({
        code: 'ValidationFailed',
        message: expect.stringContaining('key_id'),
      });
      await expect(rpc.request('billing.key.authenticate', { key_hash: 'short' })).rejects.toMatchObject({
        code: 'ValidationFailed',
      });
    });
  });

  it('never logs a secret or a hash', () => {
    expect(logged.length).toBeGreaterThan(0);
    const text = JSON.stringify(logged);
    for (const created of issued) {
      expect(text).not.toContain(secretOf(created));
      expect(text).not.toContain(sha256(secretOf(created)));
    }
  });
});
