/** The aspect ratios of the seed's preset tables, in its column order. */
export const PRESET_ASPECTS = ['1:1', '4:3', '3:4', '16:9', '9:16', '3:2', '2:3', '21:9'] as const;
export type PresetAspect = (typeof PRESET_ASPECTS)[number];

export const SIZE_PRESETS = ['1K', '2K', '4K'] as const;
export type SizePreset = (typeof SIZE_PRESETS)[number];

export interface PixelSize {
  width: number;
  height: number;
}

const px = (width: number, height: number): PixelSize => ({ width, height });

/** Seed 002, "Sizing": the sizes a preset may produce, per aspect ratio (identical for both models where both have the preset). */
export const PRESET_SIZES: Record<SizePreset, Record<PresetAspect, PixelSize>> = {
  '1K': {
    '1:1': px(1024, 1024),
    '4:3': px(1152, 864),
    '3:4': px(864, 1152),
    '16:9': px(1312, 736),
    '9:16': px(736, 1312),
    '3:2': px(1248, 832),
    '2:3': px(832, 1248),
    '21:9': px(1568, 672),
  },
  '2K': {
    '1:1': px(2048, 2048),
    '4:3': px(2304, 1728),
    '3:4': px(1728, 2304),
    '16:9': px(2848, 1600),
    '9:16': px(1600, 2848),
    '3:2': px(2496, 1664),
    '2:3': px(1664, 2496),
    '21:9': px(3136, 1344),
  },
  '4K': {
    '1:1': px(4096, 4096),
    '4:3': px(4704, 3520),
    '3:4': px(3520, 4704),
    '16:9': px(5504, 3040),
    '9:16': px(3040, 5504),
    '3:2': px(4992, 3328),
    '2:3': px(3328, 4992),
    '21:9': px(6240, 2656),
  },
};

export function aspectValue(aspect: PresetAspect): number {
  const [w, h] = aspect.split(':').map(Number);
  return w / h;
}
