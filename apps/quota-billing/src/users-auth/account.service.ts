import { Injectable } from '@nestjs/common';
import { AccountStatus, DomainError, LoginResult, MediaAccount, RpcParsedRequest } from '@mp/contracts';
import { RpcHandler } from '@mp/platform';
import { FOREIGN_KEY_VIOLATION, pgFailure, redactQueryError, UNIQUE_VIOLATION } from '../database/query-errors';
import { teamNotFound } from '../teams/team.service';
import { AccountRepository, AccountRow } from './account.repository';
import { decoyHash, hashPassword, verifyPassword } from './password-hasher';

/** The FastAPI template's answer for a wrong user name or password (one message for both). */
export const BAD_CREDENTIALS = 'Incorrect email or password';

/** `billing.account.*`: password logins of users (seed 003), their superuser flag and deactivation. */
@Injectable()
export class AccountService {
  constructor(private readonly accounts: AccountRepository) {}

  @RpcHandler('billing.account.create')
  async create(request: RpcParsedRequest<'billing.account.create'>): Promise<MediaAccount> {
    const password_hash = await hashPassword(request.password);
    try {
      const row = await this.accounts.create({
        team_id: request.team_id,
        username: request.username,
        name: request.name ?? null,
        password_hash,
        is_superuser: request.is_superuser,
      });
      return toAccount(row);
    } catch (err) {
      const failure = pgFailure(err);
      if (failure?.code === FOREIGN_KEY_VIOLATION) throw teamNotFound(request.team_id);
      if (failure?.code === UNIQUE_VIOLATION)
        throw new DomainError('Conflict', 'A user with this username already exists', { username: request.username });
      throw redactQueryError(err);
    }
  }

  @RpcHandler('billing.account.update')
  async update(request: RpcParsedRequest<'billing.account.update'>): Promise<MediaAccount> {
    const password_hash = request.password === undefined ? undefined : await hashPassword(request.password);
    // A failed statement carries its parameters (the new hash): only a redacted error may reach a log.
    const row = await this.accounts
      .update(request.team_id, request.user_id, {
        password_hash,
        is_superuser: request.is_superuser,
        is_active: request.is_active,
      })
      .catch((err: unknown) => {
        throw redactQueryError(err);
      });
    if (!row)
      throw new DomainError('NotFound', 'No account with this user_id in the team', { user_id: request.user_id });
    return toAccount(row);
  }

  /** Same cost and same answer whether the user name is unknown or the password wrong. */
  @RpcHandler('billing.account.login')
  async login(request: RpcParsedRequest<'billing.account.login'>): Promise<LoginResult> {
    const row = await this.accounts.findByUsername(request.username);
    const valid = await verifyPassword(request.password, row?.password_hash ?? (await decoyHash()));
    if (!row || !valid) throw new DomainError('ValidationFailed', BAD_CREDENTIALS, { reason: 'bad-credentials' });
    if (!row.is_active) throw new DomainError('ValidationFailed', 'Inactive user', { reason: 'inactive' });
    return { user_id: row.user_id, team_id: row.team_id, is_superuser: row.is_superuser };
  }

  @RpcHandler('billing.account.status')
  async status(request: RpcParsedRequest<'billing.account.status'>): Promise<AccountStatus> {
    const [row, organization_ids] = await Promise.all([
      this.accounts.findByUserId(request.user_id),
      this.accounts.organizationIdsOf(request.user_id),
    ]);
    if (!row) throw new DomainError('NotFound', 'No such account', { user_id: request.user_id });
    return {
      user_id: row.user_id,
      team_id: row.team_id,
      is_active: row.is_active,
      is_superuser: row.is_superuser,
      organization_ids,
    };
  }
}

function toAccount(row: AccountRow): MediaAccount {
  return {
    id: row.user_id,
    team_id: row.team_id,
    username: row.username,
    name: row.name,
    is_superuser: row.is_superuser,
    is_active: row.is_active,
    created_at: row.created_at.toISOString(),
  };
}
