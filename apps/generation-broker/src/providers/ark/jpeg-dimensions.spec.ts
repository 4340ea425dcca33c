import { solidJpeg } from '../image-pixels.sharp.adapter';
import { jpegDimensions } from './jpeg-dimensions';

describe('jpegDimensions', () => {
  it('reads the size from the frame header', async () => {
    expect(jpegDimensions(await solidJpeg(1760, 2368, [1, 2, 3]))).toEqual({ width: 1760, height: 2368 });
    expect(jpegDimensions(await solidJpeg(15, 17, [1, 2, 3]))).toEqual({ width: 15, height: 17 });
  });

  it('answers null for what is not a JPEG or is cut short', async () => {
    const jpeg = await solidJpeg(20, 20, [1, 2, 3]);
    expect(jpegDimensions(Buffer.from('not a jpeg'))).toBeNull();
    expect(jpegDimensions(jpeg.subarray(0, 8))).toBeNull();
  });
});
