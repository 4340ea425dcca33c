import { escapeXml } from '../svg-text';
import { PromptPattern } from './prompt-pattern';

/** The pattern as an SVG document of exactly `width`×`height` pixels. */
export function patternSvg(pattern: PromptPattern, width: number, height: number): string {
  const diagonal = Math.hypot(width, height);
  const bands = pattern.bands
    .map((b) => {
      const y = b.offset * height;
      const h = Math.max(1, b.thickness * height);
      return `<rect x="${-diagonal}" y="${y.toFixed(1)}" width="${diagonal * 3}" height="${h.toFixed(1)}" fill="${b.colour}" fill-opacity="${b.opacity.toFixed(2)}" transform="rotate(${b.angle} ${width / 2} ${height / 2})"/>`;
    })
    .join('');
  const unit = Math.min(width, height);
  const discs = pattern.discs
    .map(
      (d) =>
        `<circle cx="${(d.cx * width).toFixed(1)}" cy="${(d.cy * height).toFixed(1)}" r="${Math.max(1, d.r * unit).toFixed(1)}" fill="${d.colour}" fill-opacity="0.8"/>`,
    )
    .join('');
  const fontSize = Math.max(6, Math.min(height * 0.08, (width * 0.9) / Math.max(8, pattern.caption.length * 0.6)));
  const caption = pattern.caption
    ? `<rect x="0" y="${(height / 2 - fontSize).toFixed(1)}" width="${width}" height="${(fontSize * 2).toFixed(1)}" fill="black" fill-opacity="0.45"/>` +
      `<text x="${width / 2}" y="${height / 2}" font-family="DejaVu Sans, sans-serif" font-size="${fontSize.toFixed(1)}" fill="white" text-anchor="middle" dominant-baseline="central">${escapeXml(pattern.caption)}</text>`
    : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${pattern.background[0]}"/><stop offset="1" stop-color="${pattern.background[1]}"/></linearGradient></defs>` +
    `<rect width="${width}" height="${height}" fill="url(#bg)"/>${bands}${discs}${caption}</svg>`
  );
}
