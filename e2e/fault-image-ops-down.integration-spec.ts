import { ObjectStorage } from '@mp/storage';
import { platformSuite, solidPng, testObjectStorage } from '@mp/testing';

type Body = { header: { isSuccessful: boolean; resultCode: number } };

/** Bodies the gateway stored for image-ops are deleted when no image-ops instance received the request. */
describe('image uploads while image-ops is down (real processes)', () => {
  const suite = platformSuite({
    apps: ['quota-billing', 'image-ops', 'gateway'],
    teams: { 'image-ops-down': ['image'] },
  });
  const team = () => suite.team('image-ops-down');
  let base: string;
  let storage: ObjectStorage;

  beforeAll(async () => {
    base = `${suite.gatewayUrl}/image/v2.0/appkeys/${team().keys.image!.app_key}`;
    storage = testObjectStorage(suite.infra.env);
    await suite.platform.killApp('image-ops');
  });

  const stored = async () => (await storage.list({ prefix: 'image/', limit: 100 })).objects.map((o) => o.key);

  it('a single upload (PUT) fails and leaves no object behind', async () => {
    const res = await fetch(`${base}/images?path=/down/one.png`, {
      method: 'PUT',
      headers: { Authorization: team().keys.image!.secret_key!, 'Content-Type': 'application/octet-stream' },
      body: new Uint8Array(solidPng(10, 10)),
    });
    expect(((await res.json()) as Body).header.isSuccessful).toBe(false);
    expect(await stored()).toEqual([]);
  });

  it('a multiple upload (POST) fails and leaves no object behind', async () => {
    const form = new FormData();
    form.append('params', JSON.stringify({ basepath: '/down' }));
    form.append('files', new Blob([new Uint8Array(solidPng(10, 10))]), 'a.png');
    form.append('files', new Blob([new Uint8Array(solidPng(12, 12))]), 'b.png');
    const res = await fetch(`${base}/images`, {
      method: 'POST',
      headers: { Authorization: team().keys.image!.secret_key! },
      body: form,
    });
    expect(((await res.json()) as Body).header.isSuccessful).toBe(false);
    expect(await stored()).toEqual([]);
  });
});
