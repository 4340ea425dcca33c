/** Safety limits of the image pipeline, from config. */
export interface ImageLimits {
  /** Largest width×height (all frames) decoded; larger inputs are refused from their header. */
  maxInputPixels: number;
  /** Most frames of an animated input. */
  maxFrames: number;
  /** libvips worker threads per operation. */
  threads: number;
}
