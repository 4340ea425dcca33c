import { TEST_ADMIN_TOKEN } from '@mp/testing';

/** A new `kikaku_s3` key of the team (its own bucket and quota), with a storage limit of its own when given. */
export async function freshStorageKey(
  gatewayUrl: string,
  teamId: string,
  limitBytes?: number,
): Promise<{ id: string; key: string }> {
  const admin = (path: string, method: string, body: unknown) =>
    fetch(`${gatewayUrl}/admin/v1/teams/${teamId}${path}`, {
      method,
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const res = await admin('/api-keys', 'POST', { kind: 'kikaku_s3' });
  expect(res.status).toBe(201);
  const created = (await res.json()) as { id: string; key: string };
  if (limitBytes !== undefined) {
    const set = await admin(`/api-keys/${created.id}/storage-quota`, 'PUT', { limit_bytes: limitBytes });
    expect(set.status).toBe(200);
  }
  return created;
}
