import { Provider } from '@nestjs/common';
import { APP_CONFIG } from '@mp/platform';
import { ImageOpsConfig } from '../app.config';
import { IMAGE_ENGINE } from './image-engine';
import { SharpImageEngine } from './sharp.adapter';

export const imageEngineProvider: Provider = {
  provide: IMAGE_ENGINE,
  inject: [APP_CONFIG],
  useFactory: (config: ImageOpsConfig) =>
    new SharpImageEngine({
      maxInputPixels: config.IMAGE_MAX_INPUT_PIXELS,
      maxFrames: config.IMAGE_MAX_FRAMES,
      threads: config.IMAGE_THREADS,
    }),
};
