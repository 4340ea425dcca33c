import { TEST_ADMIN_TOKEN } from '@mp/testing';

/** A user of the team, named after the mailbox of `email`, created through the admin API; answers the user's id. */
export async function createProjectUser(gatewayUrl: string, teamId: string, email: string): Promise<string> {
  const res = await fetch(`${gatewayUrl}/admin/v1/teams/${teamId}/users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ email, name: email.split('@')[0] }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
