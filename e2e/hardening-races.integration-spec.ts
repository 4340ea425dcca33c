import { platformSuite, solidPng, TEST_ADMIN_TOKEN } from '@mp/testing';

/** Issue 9's races: many identical requests at once must each get the answer one alone would get. */
describe('concurrent identical requests', () => {
  const suite = platformSuite({
    apps: ['quota-billing', 'files', 'search-indexer', 'image-ops', 'gateway'],
    teams: { races: ['cdt', 'image'] },
  });
  const team = () => suite.team('races');

  it('50 parallel upload-url calls for one filename all succeed with unique keys (item 10)', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        fetch(`${suite.gatewayUrl}/v1/files/upload-url`, {
          method: 'POST',
          headers: { 'x-api-key': team().keys.cdt!.key!, 'content-type': 'application/json' },
          body: JSON.stringify({ filename: 'same.png', folder: 'races' }),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as { object_key?: string } })),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
    const keys = answers.map((a) => a.body.object_key!);
    expect(new Set(keys).size).toBe(50);
    for (const key of keys) expect(key).toMatch(new RegExp(`/${team().teamId}/races/\\d{13}_same\\.png$`));
  });

  it('50 parallel sync deletes of one image: exactly one succeeds, the rest answer 20004 (item 14)', async () => {
    const base = `${suite.gatewayUrl}/image/v2.0/appkeys/${team().keys.image!.app_key!}`;
    const secret = team().keys.image!.secret_key!;
    const put = await fetch(`${base}/images?path=/races/one.png`, {
      method: 'PUT',
      headers: { Authorization: secret, 'Content-Type': 'application/octet-stream' },
      body: new Uint8Array(solidPng(64, 48)),
    });
    const fileId = ((await put.json()) as { file: { id: string } }).file.id;
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        fetch(`${base}/images/sync?fileId=${fileId}`, { method: 'DELETE', headers: { Authorization: secret } }).then(
          async (r) => ((await r.json()) as { header: { isSuccessful: boolean; resultCode: number } }).header,
        ),
      ),
    );
    expect(answers.filter((h) => h.isSuccessful)).toHaveLength(1);
    expect(answers.filter((h) => !h.isSuccessful).map((h) => h.resultCode)).toEqual(Array(49).fill(20004));
  });

  it('10 parallel uploads without Content-Length, room for 3: exactly 3 are admitted (item 11)', async () => {
    const admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' };
    const created = await fetch(`${suite.gatewayUrl}/admin/v1/teams/${team().teamId}/api-keys`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ kind: 'kikaku_s3' }),
    });
    const key = (await created.json()) as { id: string; key: string };
    const quota = await fetch(`${suite.gatewayUrl}/admin/v1/teams/${team().teamId}/api-keys/${key.id}/storage-quota`, {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify({ limit_bytes: 45_000 }),
    });
    expect(quota.status).toBe(200);
    const chunkedUpload = (i: number) => {
      const boundary = `race${i}`;
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="key"\r\n\r\nf${i}.bin\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="f${i}.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
      const chunks = [
        Buffer.from(head),
        Buffer.alloc(7_500, i),
        Buffer.alloc(7_500, i),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ];
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const next = chunks.shift();
          if (!next) return controller.close();
          await new Promise((r) => setTimeout(r, 5));
          controller.enqueue(new Uint8Array(next));
        },
      });
      return fetch(`${suite.gatewayUrl}/s3/upload`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key.key}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
        body,
        duplex: 'half',
      } as RequestInit).then((r) => r.status);
    };
    const statuses = await Promise.all(Array.from({ length: 10 }, (_, i) => chunkedUpload(i)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    expect(statuses.filter((s) => s !== 200).every((s) => s === 403)).toBe(true);
  });
});
