import { DomainError } from '@mp/contracts';
import { strictMock } from '@mp/testing';
import type { Logger } from 'pino';
import { ApiKeyAuthenticator } from './api-key-authenticator.service';
import { hashSecret } from './api-key-secrets';
import { ActiveKey, ApiKeyRepository } from './api-key.repository';

const TEAM = '11111111-1111-4111-8111-111111111111';
const KEY_ID = '22222222-2222-4222-8222-222222222222';
const HASH = hashSecret('cdt_secret');

const activeKey = (overrides: Partial<ActiveKey> = {}): ActiveKey => ({
  id: KEY_ID,
  team_id: TEAM,
  user_id: null,
  kind: 'cdt',
  app_key: null,
  last_used_at: null,
  rate_limit_per_minute: null,
  ...overrides,
});

describe('ApiKeyAuthenticator', () => {
  let findActiveByHash: jest.Mock;
  let touchLastUsed: jest.Mock;
  let warn: jest.Mock;
  let authenticator: ApiKeyAuthenticator;

  beforeEach(() => {
    findActiveByHash = jest.fn();
    touchLastUsed = jest.fn().mockResolvedValue(undefined);
    warn = jest.fn();
    authenticator = new ApiKeyAuthenticator(
      strictMock<ApiKeyRepository>({ findActiveByHash, touchLastUsed }),
      strictMock<Logger>({ warn }),
    );
  });

  const invalid = { code: 'InvalidApiKey', message: 'Invalid or revoked API key' };

  it('resolves a live key to its principal and records the use once', async () => {
    findActiveByHash.mockResolvedValue(activeKey());
    await expect(authenticator.authenticate({ key_hash: HASH })).resolves.toEqual({
      key_id: KEY_ID,
      team_id: TEAM,
      user_id: null,
      kind: 'cdt',
    });
    await authenticator.authenticate({ key_hash: HASH });
    expect(findActiveByHash).toHaveBeenCalledWith(HASH);
    expect(touchLastUsed).toHaveBeenCalledTimes(1);
  });

  it('gives a kikaku key the rate limit an admin set, none otherwise (the dialect’s applies)', async () => {
    findActiveByHash.mockResolvedValue(activeKey({ kind: 'kikaku', rate_limit_per_minute: 25 }));
    await expect(authenticator.authenticate({ key_hash: HASH })).resolves.toMatchObject({ rate_limit_per_minute: 25 });
    findActiveByHash.mockResolvedValue(activeKey({ kind: 'kikaku' }));
    expect(await authenticator.authenticate({ key_hash: HASH })).not.toHaveProperty('rate_limit_per_minute');
  });

  it('looks hashes up in lowercase', async () => {
    findActiveByHash.mockResolvedValue(activeKey());
    await authenticator.authenticate({ key_hash: HASH.toUpperCase() });
    expect(findActiveByHash).toHaveBeenCalledWith(HASH);
  });

  it('does not write when the stored use is recent', async () => {
    findActiveByHash.mockResolvedValue(activeKey({ last_used_at: new Date(Date.now() - 5_000) }));
    await authenticator.authenticate({ key_hash: HASH });
    expect(touchLastUsed).not.toHaveBeenCalled();
  });

  it('answers even when recording the use fails, and logs neither hash nor key', async () => {
    findActiveByHash.mockResolvedValue(activeKey());
    touchLastUsed.mockRejectedValue(new Error('connection lost'));
    await expect(authenticator.authenticate({ key_hash: HASH })).resolves.toMatchObject({ key_id: KEY_ID });
    await new Promise((r) => setImmediate(r));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(warn.mock.calls)).not.toContain(HASH);
  });

  it('refuses unknown (or revoked) keys', async () => {
    findActiveByHash.mockResolvedValue(null);
    await expect(authenticator.authenticate({ key_hash: HASH })).rejects.toMatchObject(invalid);
  });

  it('refuses what cannot be a hash without asking the database', async () => {
    await expect(authenticator.authenticate({ key_hash: 'z'.repeat(64) })).rejects.toBeInstanceOf(DomainError);
    expect(findActiveByHash).not.toHaveBeenCalled();
  });

  it('requires the matching app key for image keys, with the same error', async () => {
    findActiveByHash.mockResolvedValue(activeKey({ kind: 'image', app_key: 'AppKey00000000000001' }));
    await expect(authenticator.authenticate({ key_hash: HASH })).rejects.toMatchObject(invalid);
    await expect(authenticator.authenticate({ key_hash: HASH, app_key: 'AppKey00000000000002' })).rejects.toMatchObject(
      invalid,
    );
    await expect(
      authenticator.authenticate({ key_hash: HASH, app_key: 'AppKey00000000000001' }),
    ).resolves.toMatchObject({ kind: 'image' });
  });
});
