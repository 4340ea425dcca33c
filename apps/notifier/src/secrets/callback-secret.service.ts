import { Injectable } from '@nestjs/common';
import { CallbackSecret, RpcParsedRequest } from '@mp/contracts';
import { RpcClient, RpcHandler, SecretCipher } from '@mp/platform';
import { generateSigningSecret, secretHint } from '../signing/webhook-signature';
import { TeamSecretEntity } from './team-secret.entity';
import { TeamSecretRepository } from './team-secret.repository';

/**
 * Per-team signing secrets: created on first use, shown once (at creation or rotation, or on the
 * first read of one created for a delivery), afterwards only as a hint. Never logged.
 */
@Injectable()
export class CallbackSecretService {
  constructor(
    private readonly secrets: TeamSecretRepository,
    private readonly cipher: SecretCipher,
    private readonly rpc: RpcClient,
  ) {}

  /** The secret to sign a team's callbacks with, created (unrevealed) if the team has none yet. */
  async signingSecret(teamId: string): Promise<string> {
    const stored = (await this.secrets.find(teamId)) ?? (await this.create(teamId, false)).stored;
    return this.cipher.open(stored.sealed_secret);
  }

  @RpcHandler('notifier.secret.get')
  async get(request: RpcParsedRequest<'notifier.secret.get'>): Promise<CallbackSecret> {
    await this.rpc.request('billing.team.get', { team_id: request.team_id });
    const existing = await this.secrets.find(request.team_id);
    if (!existing) {
      const { stored, secret } = await this.create(request.team_id, true);
      // Another request may have created it first: only the creator's own secret is shown.
      if (this.cipher.open(stored.sealed_secret) === secret) return view(stored, secret);
      return this.revealOnce(stored);
    }
    return this.revealOnce(existing);
  }

  @RpcHandler('notifier.secret.rotate')
  async rotate(request: RpcParsedRequest<'notifier.secret.rotate'>): Promise<CallbackSecret> {
    await this.rpc.request('billing.team.get', { team_id: request.team_id });
    const secret = generateSigningSecret();
    const stored = await this.secrets.replace(request.team_id, this.cipher.seal(secret), secretHint(secret));
    return view(stored, secret);
  }

  private async create(teamId: string, revealed: boolean): Promise<{ stored: TeamSecretEntity; secret: string }> {
    const secret = generateSigningSecret();
    const stored = await this.secrets.insertIfAbsent(teamId, this.cipher.seal(secret), secretHint(secret), revealed);
    return { stored, secret };
  }

  private async revealOnce(stored: TeamSecretEntity): Promise<CallbackSecret> {
    if (stored.revealed_at !== null) return view(stored);
    const mine = await this.secrets.claimReveal(stored.team_id);
    return view({ ...stored, revealed_at: new Date() }, mine ? this.cipher.open(stored.sealed_secret) : undefined);
  }
}

function view(stored: TeamSecretEntity, secret?: string): CallbackSecret {
  return {
    team_id: stored.team_id,
    hint: stored.hint,
    created_at: stored.created_at.toISOString(),
    revealed: stored.revealed_at !== null,
    ...(secret !== undefined && { secret }),
  };
}
