import { platformSuite, waitFor } from '@mp/testing';
import { searchFiles, uploadFile } from './support/seed-000-client';
import { solidJpeg } from './support/test-images-sharp.adapter';

type SearchHit = {
  object_key: string;
  filename: string;
  content_type: string;
  folder: string;
  url: string;
  metadata: Record<string, unknown>;
};
type SearchBody = { files: SearchHit[]; total: number };

/** Generated images are files of the team: seed 000's search finds them as `source: "prediction"`. */
describe('generated images as team files (seed 002 generation → seed 000 search, real processes)', () => {
  const suite = platformSuite({
    apps: ['quota-billing', 'generation-broker', 'files', 'search-indexer', 'gateway'],
    env: { GENERATION_RATE_LIMIT: '1000' },
    teams: { 'gen-files-a': ['kikaku', 'cdt'], 'gen-files-b': ['cdt'] },
  });
  const keys = () => suite.team('gen-files-a').keys;
  const generate = (body: unknown) =>
    fetch(`${suite.gatewayUrl}/v1/images/generations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${keys().kikaku!.key!}` },
      body: JSON.stringify(body),
    });
  const uploaded = async (team: 'gen-files-a' | 'gen-files-b', name: string) => {
    const cdt = suite.team(team).keys.cdt!.key!;
    const up = await uploadFile(suite.gatewayUrl, cdt, { name, bytes: await solidJpeg(400, 300), type: 'image/jpeg' });
    expect(up.uploadStatus).toBeLessThan(300);
    await waitFor(
      async () => (await searchFiles<SearchBody>(suite.gatewayUrl, cdt, { filename: name })).body.total === 1,
      { what: `${name} active` },
    );
    return up.file_url;
  };

  it('every successful image is registered, with model, prompt and size, and only for its team', async () => {
    const prompt = 'Generate 2 watercolour lighthouses at dusk';
    const res = await fetch(`${suite.gatewayUrl}/v1/images/generations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${keys().kikaku!.key!}` },
      body: JSON.stringify({
        model: 'seedream-4.0',
        prompt,
        size: '1024x1024',
        sequential_image_generation: 'auto',
        sequential_image_generation_options: { max_images: 2 },
      }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: unknown[] }).data).toHaveLength(2);

    const cdt = keys().cdt!.key!;
    const found = await waitFor(
      async () => {
        const { status, body } = await searchFiles<SearchBody>(suite.gatewayUrl, cdt, {
          source: 'prediction',
          source_model: 'seedream-4.0',
        });
        return status === 200 && body.total === 2 ? body.files : undefined;
      },
      { what: 'both generated images in the search index', timeoutMs: 20_000 },
    );
    for (const hit of found) {
      expect(hit).toMatchObject({
        content_type: 'image/jpeg',
        folder: 'outputs',
        metadata: { source_model: 'seedream-4.0', prompt },
      });
      expect((await fetch(hit.url)).headers.get('content-type')).toBe('image/jpeg');
    }
    const jobIds = new Set(found.map((hit) => hit.metadata.source_job_id));
    expect(jobIds.size).toBe(1);
    const [jobId] = [...jobIds];
    const sized = await searchFiles<SearchBody>(suite.gatewayUrl, cdt, {
      source_job_id: jobId,
      width: 1024,
      height: 1024,
    });
    expect(sized).toMatchObject({ status: 200, body: { total: 2 } });

    const other = await searchFiles<SearchBody>(suite.gatewayUrl, suite.team('gen-files-b').keys.cdt!.key!, {
      source: 'prediction',
    });
    expect(other).toMatchObject({ status: 200, body: { total: 0 } });
  });

  it("a file_url of the team's own storage is read internally (the SSRF guard would refuse its address)", async () => {
    const fileUrl = await uploaded('gen-files-a', 'reference-4x3.jpg');
    const res = await generate({ model: 'seedream-4.0', prompt: 'Same scene at night', image: fileUrl, size: '2K' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: Array<{ size: string }> };
    const [w, h] = body.data[0].size.split('x').map(Number);
    expect(w / h).toBeCloseTo(4 / 3, 1);
  });

  it("another team's file_url is refused naming the field, never fetched", async () => {
    const fileUrl = await uploaded('gen-files-b', 'not-yours.jpg');
    const res = await generate({ model: 'seedream-4.0', prompt: 'x', image: [fileUrl] });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: 'InvalidParameter', message: expect.stringContaining('image[0] points at a file') },
    });
  });
});
