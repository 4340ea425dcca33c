import { ApiKeyKind } from '@mp/contracts';
import { TEST_ADMIN_TOKEN } from './test-infra';

export interface TeamKeys {
  teamId: string;
  keys: Partial<Record<ApiKeyKind, { id: string; key?: string; app_key?: string; secret_key?: string }>>;
}

/** Creates a team and keys of the given kinds through the gateway's admin API, as an operator would. */
export async function createTeamWithKeys(gatewayUrl: string, name: string, kinds: ApiKeyKind[]): Promise<TeamKeys> {
  const headers = { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' };
  const teamRes = await fetch(`${gatewayUrl}/admin/v1/teams`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ name }),
  });
  if (teamRes.status !== 201) throw new Error(`team create failed: ${teamRes.status} ${await teamRes.text()}`);
  const team = (await teamRes.json()) as { id: string };
  const keys: TeamKeys['keys'] = {};
  for (const kind of kinds) {
    const res = await fetch(`${gatewayUrl}/admin/v1/teams/${team.id}/api-keys`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ kind }),
    });
    if (res.status !== 201) throw new Error(`key create failed: ${res.status} ${await res.text()}`);
    keys[kind] = (await res.json()) as TeamKeys['keys'][ApiKeyKind];
  }
  return { teamId: team.id, keys };
}
