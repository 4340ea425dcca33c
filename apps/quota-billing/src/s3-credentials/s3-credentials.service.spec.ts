import { SecretCipher } from '@mp/platform';
import { strictMock } from '@mp/testing';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { S3CredentialsRepository, StoredS3Credentials } from './s3-credentials.repository';
import { S3CredentialsService } from './s3-credentials.service';

const TEAM = '11111111-1111-4111-8111-111111111111';
const KEY = '22222222-2222-4222-8222-222222222222';
const logger = strictMock<Logger>({ info: () => undefined });

function memoryRepository(kind: string | null = 'kikaku_s3') {
  let row: StoredS3Credentials | null = null;
  const store = async (key_id: string, access_key_id: string, sealed_secret: string) =>
    (row = { key_id, access_key_id, sealed_secret, created_at: new Date() });
  const repo = strictMock<S3CredentialsRepository>({
    activeKeyKind: async () => kind as never,
    find: async () => row,
    insertIfAbsent: async (k, a, s) => row ?? store(k, a, s),
    replace: store,
    resolve: async (id) =>
      row && row.access_key_id === id ? { ...row, team_id: TEAM, user_id: null, kind: 'kikaku_s3' } : null,
  });
  return { repo, stored: () => row };
}

describe('S3CredentialsService', () => {
  const cipher = new SecretCipher(randomBytes(32), 'S3_CREDENTIALS_MASTER_KEY');

  it('issues a pair once, keeps the secret sealed, resolves it by access key id', async () => {
    const { repo, stored } = memoryRepository();
    const service = new S3CredentialsService(repo, cipher, logger);
    await service.issue(KEY);
    const first = await service.get({ team_id: TEAM, key_id: KEY });
    expect(first.access_key_id).toMatch(/^AKKS[A-Z2-7]{16}$/);
    expect(first.secret_access_key).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(stored()!.sealed_secret.startsWith('aes256gcm:')).toBe(true);
    expect(stored()!.sealed_secret).not.toContain(first.secret_access_key);
    expect(await service.get({ team_id: TEAM, key_id: KEY })).toEqual(first);
    expect(await service.resolve({ access_key_id: first.access_key_id })).toEqual({
      secret_access_key: first.secret_access_key,
      principal: { key_id: KEY, team_id: TEAM, user_id: null, kind: 'kikaku_s3' },
    });
  });

  it('rotation replaces the pair: the old access key id no longer resolves', async () => {
    const { repo } = memoryRepository();
    const service = new S3CredentialsService(repo, cipher, logger);
    const before = await service.get({ team_id: TEAM, key_id: KEY });
    const after = await service.rotate({ team_id: TEAM, key_id: KEY });
    expect(after.access_key_id).not.toBe(before.access_key_id);
    await expect(service.resolve({ access_key_id: before.access_key_id })).rejects.toMatchObject({
      code: 'InvalidAccessKeyId',
    });
  });

  it('refuses other kinds, unknown keys, malformed ids (without a lookup) and a missing master key', async () => {
    await expect(
      new S3CredentialsService(memoryRepository('kikaku').repo, cipher, logger).get({ team_id: TEAM, key_id: KEY }),
    ).rejects.toMatchObject({ code: 'ValidationFailed' });
    await expect(
      new S3CredentialsService(memoryRepository(null).repo, cipher, logger).get({ team_id: TEAM, key_id: KEY }),
    ).rejects.toMatchObject({ code: 'ApiKeyNotFound' });
    const noLookups = new S3CredentialsService(strictMock<S3CredentialsRepository>({}), cipher, logger);
    await expect(noLookups.resolve({ access_key_id: 'AKIAIOSFODNN7EXAMPLE' })).rejects.toMatchObject({
      code: 'InvalidAccessKeyId',
    });
    const unsealed = new S3CredentialsService(memoryRepository().repo, new SecretCipher(undefined), logger);
    await unsealed.issue(KEY); // skipped: issued on first use once a master key is configured
    await expect(unsealed.get({ team_id: TEAM, key_id: KEY })).rejects.toMatchObject({ code: 'DependencyUnavailable' });
  });
});
