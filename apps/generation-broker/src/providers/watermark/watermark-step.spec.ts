import { solidJpeg } from '../image-pixels.sharp.adapter';
import { ImageOutcome } from '../provider.types';
import { watermarkOutcomes } from './watermark-step';

describe('watermarkOutcomes', () => {
  it('marks successful images only, in order, and only when asked', async () => {
    const bytes = await solidJpeg(300, 200, [90, 90, 90]);
    const failed = { error: { code: 'ContentFilter', message: 'Image rejected by content filter' } };
    const images: ImageOutcome[] = [{ bytes, width: 300, height: 200 }, failed];

    const untouched = await watermarkOutcomes(images, false);
    expect(untouched).toEqual(images);

    const [marked, stillFailed] = await watermarkOutcomes(images, true);
    expect(stillFailed).toBe(failed);
    expect(marked).toMatchObject({ width: 300, height: 200 });
    expect((marked as { bytes: Buffer }).bytes.equals(bytes)).toBe(false);
  });
});
