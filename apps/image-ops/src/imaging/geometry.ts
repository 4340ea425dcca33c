import type { ImageGravity } from '@mp/contracts';
import { Region } from './image-engine';

interface Size {
  width: number;
  height: number;
}

/**
 * Where a box of `box` size lands on `canvas` for a gravity, ImageMagick-style: offsets move the
 * box away from the edge it is anchored to (inwards), negative offsets the other way; for a centred
 * axis a positive offset moves right/down. The result is clamped inside the canvas.
 */
export function placeBox(canvas: Size, box: Size, gravity: ImageGravity, offsetX: number, offsetY: number): Region {
  const width = Math.min(box.width, canvas.width);
  const height = Math.min(box.height, canvas.height);
  const h = gravity.endsWith('West') ? 'start' : gravity.endsWith('East') ? 'end' : 'middle';
  const v = gravity.startsWith('North') ? 'start' : gravity.startsWith('South') ? 'end' : 'middle';
  const left = axis(h, canvas.width, width, offsetX);
  const top = axis(v, canvas.height, height, offsetY);
  return { left, top, width, height };
}

function axis(anchor: 'start' | 'middle' | 'end', total: number, size: number, offset: number): number {
  const raw =
    anchor === 'start' ? offset : anchor === 'end' ? total - size - offset : Math.floor((total - size) / 2) + offset;
  return Math.max(0, Math.min(total - size, raw));
}

/** Strips of `sliceSize` along the height (vertical) or the width (horizontal); the last may be shorter. */
export function sliceRegions(image: Size, type: 'vertical' | 'horizontal', sliceSize: number): Region[] {
  const along = type === 'vertical' ? image.height : image.width;
  const regions: Region[] = [];
  for (let start = 0; start < along; start += sliceSize) {
    const length = Math.min(sliceSize, along - start);
    regions.push(
      type === 'vertical'
        ? { left: 0, top: start, width: image.width, height: length }
        : { left: start, top: 0, width: length, height: image.height },
    );
  }
  return regions;
}

/**
 * countX × countY tiles, row by row. A tile is ceil(size / count) pixels, so when the size does not
 * divide evenly there may be fewer tiles than asked (10 px in 6 → tiles of 2 px, 5 of them).
 */
export function gridRegions(image: Size, countX: number, countY: number): Region[] {
  const tileW = Math.ceil(image.width / Math.min(countX, image.width));
  const tileH = Math.ceil(image.height / Math.min(countY, image.height));
  const regions: Region[] = [];
  for (let top = 0; top < image.height; top += tileH) {
    for (let left = 0; left < image.width; left += tileW) {
      regions.push({
        left,
        top,
        width: Math.min(tileW, image.width - left),
        height: Math.min(tileH, image.height - top),
      });
    }
  }
  return regions;
}
