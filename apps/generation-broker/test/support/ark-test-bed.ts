import { solidJpeg } from '../../src/providers/image-pixels.sharp.adapter';
import { ProviderRequest } from '../../src/providers/provider.types';
import { FakeArkServer } from './fake-ark-server';

type Size = [width: number, height: number];

/**
 * A FakeArkServer and a solid red and a solid blue JPEG for the calling test file: made in its
 * `beforeAll`, the server stopped in its `afterAll`.
 */
export function arkTestBed(sizes: { red: Size; blue: Size }): {
  server: FakeArkServer;
  jpegs: { red: Buffer; blue: Buffer };
} {
  const server = new FakeArkServer();
  const jpegs: { red: Buffer; blue: Buffer } = { red: Buffer.alloc(0), blue: Buffer.alloc(0) };
  beforeAll(async () => {
    await server.start();
    jpegs.red = await solidJpeg(...sizes.red, [220, 20, 20]);
    jpegs.blue = await solidJpeg(...sizes.blue, [20, 20, 220]);
  });
  afterAll(() => server.stop());
  return { server, jpegs };
}

/** The seed's "4 seasonal scenes of one lighthouse", answered as `b64_json`; the test picks model and size. */
export function lighthouseScenes(
  fields: Pick<ProviderRequest, 'model' | 'width' | 'height'> & Partial<ProviderRequest>,
): ProviderRequest {
  return {
    prompt: 'Generate 4 seasonal scenes of one lighthouse',
    sequentialImageGeneration: 'auto',
    maxImages: 4,
    references: [],
    responseFormat: 'b64_json',
    ...fields,
  };
}
