export const WATERMARK_TEXT = 'AI generated';

export interface WatermarkBox {
  left: number;
  top: number;
  width: number;
  height: number;
  fontSize: number;
  margin: number;
}

/** Where the watermark goes on a `width`×`height` image: bottom-right, its text scaled to the image. */
export function watermarkBox(width: number, height: number): WatermarkBox {
  const estimatedTextWidth = (fontSize: number) => fontSize * 0.62 * WATERMARK_TEXT.length;
  const fontSize = Math.max(
    6,
    Math.floor(
      Math.min(Math.sqrt(width * height) * 0.03, (width * 0.45) / (0.62 * WATERMARK_TEXT.length), height * 0.4),
    ),
  );
  const margin = Math.max(2, Math.round(fontSize * 0.6));
  const boxWidth = Math.min(width, Math.ceil(estimatedTextWidth(fontSize) + 2 * margin));
  const boxHeight = Math.min(height, Math.ceil(fontSize * 1.4 + margin));
  return { left: width - boxWidth, top: height - boxHeight, width: boxWidth, height: boxHeight, fontSize, margin };
}
