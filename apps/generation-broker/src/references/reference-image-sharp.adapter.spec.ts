import { pngHeaderClaiming, solidPng } from '@mp/testing';
import { animatedGif, encodedImage } from '../../test/test-images-sharp.adapter';
import { testBmp } from '../../test/test-bmp';
import { inspectReferenceImage } from './reference-image-sharp.adapter';

const refused = (message: string) => ({ ok: false, error: { code: 'InvalidParameter', message } });

async function accepted(bytes: Buffer, label = 'image') {
  const result = await inspectReferenceImage(bytes, label);
  if (!result.ok) throw new Error(`expected acceptance, got ${result.error.message}`);
  return result.image;
}

describe('inspectReferenceImage', () => {
  describe('formats, read from the bytes', () => {
    it('accepts PNG', async () => {
      expect(await accepted(solidPng(64, 48))).toMatchObject({ format: 'png', width: 64, height: 48 });
    });
    it.each(['jpeg', 'webp', 'tiff', 'gif'] as const)('accepts %s', async (format) => {
      expect(await accepted(await encodedImage(format, 64, 48))).toMatchObject({ format, width: 64, height: 48 });
    });
    it('accepts BMP (read from its header: this sharp has no BMP loader)', async () => {
      expect(await accepted(testBmp(64, 48))).toMatchObject({ format: 'bmp', width: 64, height: 48 });
      expect(await accepted(testBmp(64, 48, { topDown: true }))).toMatchObject({ width: 64, height: 48 });
      expect(await accepted(testBmp(64, 48, { core: true }))).toMatchObject({ width: 64, height: 48 });
    });
    it('refuses other formats, naming what the bytes are', async () => {
      expect(await inspectReferenceImage(await encodedImage('avif', 64, 48), 'image[3]')).toEqual(
        refused('image[3] is a HEIF image; accepted: JPEG, PNG, WEBP, BMP, TIFF or GIF'),
      );
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"/>');
      expect(await inspectReferenceImage(svg, 'image')).toEqual(
        refused('image is a SVG image; accepted: JPEG, PNG, WEBP, BMP, TIFF or GIF'),
      );
      expect(await inspectReferenceImage(Buffer.from('<html>not an image</html>'), 'image')).toEqual(
        refused('image is not a JPEG, PNG, WEBP, BMP, TIFF or GIF image'),
      );
    });
    it('a GIF is measured on its first frame', async () => {
      expect(await accepted(await animatedGif(240, 15, 3))).toMatchObject({ format: 'gif', width: 240, height: 15 });
      expect(await inspectReferenceImage(await animatedGif(241, 15, 3), 'image')).toEqual(
        refused('image is 241x15 px; its aspect ratio (width / height) must be between 1/16 and 16'),
      );
    });
  });

  describe('at most 10 MB', () => {
    const padded = (total: number) => {
      const png = solidPng(64, 64);
      return Buffer.concat([png, Buffer.alloc(total - png.length)]);
    };
    it('10 MB passes, one byte more does not', async () => {
      expect(await accepted(padded(10 * 1024 * 1024))).toMatchObject({ bytes: 10 * 1024 * 1024 });
      expect(await inspectReferenceImage(padded(10 * 1024 * 1024 + 1), 'image[0]')).toEqual(
        refused('image[0] is 10485761 bytes; at most 10 MB (10485760 bytes) per image'),
      );
    });
  });

  describe('each side greater than 14 px', () => {
    it('15x15 passes, 14 on either side does not', async () => {
      expect(await accepted(solidPng(15, 15))).toMatchObject({ width: 15, height: 15 });
      const rule = 'width and height must each be greater than 14 px';
      expect(await inspectReferenceImage(solidPng(14, 15), 'image')).toEqual(refused(`image is 14x15 px; ${rule}`));
      expect(await inspectReferenceImage(solidPng(15, 14), 'image')).toEqual(refused(`image is 15x14 px; ${rule}`));
      expect(await inspectReferenceImage(testBmp(14, 20), 'image')).toEqual(refused(`image is 14x20 px; ${rule}`));
    });
  });

  describe('at most 36 M pixels', () => {
    it('6000x6000 passes', async () => {
      expect(await accepted(await encodedImage('jpeg', 6000, 6000))).toMatchObject({ width: 6000, height: 6000 });
    });
    it('more is refused from the header, before decoding', async () => {
      expect(await inspectReferenceImage(pngHeaderClaiming(6001, 6000), 'image')).toEqual(
        refused('image is 6001x6000 px (36006000 pixels); at most 36000000 pixels (6000x6000)'),
      );
    });
  });

  describe('aspect ratio within [1/16, 16]', () => {
    it('16 and 1/16 pass, beyond does not', async () => {
      expect(await accepted(solidPng(240, 15))).toMatchObject({ width: 240 });
      expect(await accepted(solidPng(15, 240))).toMatchObject({ height: 240 });
      const rule = 'its aspect ratio (width / height) must be between 1/16 and 16';
      expect(await inspectReferenceImage(solidPng(241, 15), 'image')).toEqual(refused(`image is 241x15 px; ${rule}`));
      expect(await inspectReferenceImage(solidPng(15, 241), 'image')).toEqual(refused(`image is 15x241 px; ${rule}`));
    });
  });

  describe('the data must decode, not only the header', () => {
    it('refuses a truncated JPEG and a PNG whose header claims pixels it lacks', async () => {
      const jpeg = await encodedImage('jpeg', 300, 200);
      expect(await inspectReferenceImage(jpeg.subarray(0, jpeg.length >> 1), 'image')).toEqual(
        refused('image is a damaged or truncated JPEG image'),
      );
      expect(await inspectReferenceImage(pngHeaderClaiming(1000, 1000), 'image[1]')).toEqual(
        refused('image[1] is a damaged or truncated PNG image'),
      );
    });
    it('refuses a truncated or malformed BMP', async () => {
      const bmp = testBmp(64, 48);
      expect(await inspectReferenceImage(bmp.subarray(0, bmp.length - 1), 'image')).toEqual(
        refused('image is a truncated BMP file'),
      );
      expect(await inspectReferenceImage(bmp.subarray(0, 20), 'image')).toEqual(
        refused('image is not a complete BMP file'),
      );
      expect(await inspectReferenceImage(bmp.subarray(0, 30), 'image')).toEqual(
        refused('image is a truncated BMP file'),
      );
      const unknownHeader = Buffer.from(bmp);
      unknownHeader.writeUInt32LE(99, 14);
      expect(await inspectReferenceImage(unknownHeader, 'image')).toEqual(
        refused('image has a BMP header this server cannot read'),
      );
      const zeroWide = Buffer.from(bmp);
      zeroWide.writeInt32LE(0, 18);
      expect(await inspectReferenceImage(zeroWide, 'image')).toEqual(refused('image has an invalid BMP header'));
      const jpegInBmp = Buffer.from(bmp);
      jpegInBmp.writeUInt32LE(4, 30);
      expect(await inspectReferenceImage(jpegInBmp, 'image')).toEqual(
        refused('image uses a BMP compression this server cannot read'),
      );
    });
  });
});
