import { createHash } from 'node:crypto';

export interface PromptPattern {
  background: [string, string];
  bands: { colour: string; offset: number; thickness: number; angle: number; opacity: number }[];
  discs: { colour: string; cx: number; cy: number; r: number }[];
  caption: string;
}

/**
 * The shapes and colours an image of the local provider shows, derived only from the prompt, the
 * seed and the image's index in the batch (so the same inputs always give the same picture).
 * Positions are fractions of the image size.
 */
export function promptPattern(prompt: string, seed: number | undefined, index: number): PromptPattern {
  const bytes = createHash('sha256')
    .update(`${seed ?? 'none'}\u0000${index}\u0000${prompt}`)
    .digest();
  const byte = (i: number) => bytes[i % bytes.length]!;
  const colour = (i: number) =>
    `hsl(${Math.round((byte(i) / 255) * 360)}, ${50 + (byte(i + 1) % 40)}%, ${30 + (byte(i + 2) % 40)}%)`;
  return {
    background: [colour(0), colour(3)],
    bands: Array.from({ length: 5 }, (_, k) => ({
      colour: colour(6 + k * 3),
      offset: byte(21 + k) / 255,
      thickness: 0.04 + (byte(26 + k) / 255) * 0.12,
      angle: Math.round((byte(31 + k) / 255) * 180) - 90,
      opacity: 0.45 + (byte(36 + k) / 255) * 0.4,
    })),
    discs: Array.from({ length: 3 }, (_, k) => ({
      colour: colour(41 + k * 3),
      cx: byte(50 + k) / 255,
      cy: byte(53 + k) / 255,
      r: 0.05 + (byte(56 + k) / 255) * 0.15,
    })),
    caption: captionOf(prompt),
  };
}

function captionOf(prompt: string): string {
  const words = prompt.trim().split(/\s+/).filter(Boolean).slice(0, 6).join(' ');
  return words.length > 48 ? `${words.slice(0, 47)}…` : words;
}
