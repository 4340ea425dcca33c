import { Injectable } from '@nestjs/common';
import {
  GeneratedImage,
  GenerateImagesResponse,
  GenerationUsage,
  imageOutputTokens,
  StoredGenerationImage,
} from '@mp/contracts';
import { ObjectStorage } from '@mp/storage';

/** The seed: "URL berlaku 24 jam setelah generate". */
export const GENERATED_URL_TTL_SECONDS = 24 * 3600;

/** Turns the broker's stored images into the seed's `data[]` (a signed URL, or the JPEG as base64) and `usage`. */
@Injectable()
export class GeneratedImagesFormatter {
  constructor(private readonly storage: ObjectStorage) {}

  async data(result: GenerateImagesResponse, format: 'url' | 'b64_json'): Promise<GeneratedImage[]> {
    return Promise.all(
      result.images.map(async (image): Promise<GeneratedImage> => {
        if ('error' in image) return image;
        const size = `${image.width}x${image.height}`;
        return format === 'url' ? { url: await this.url(image), size } : { b64_json: await this.base64(image), size };
      }),
    );
  }

  usage(result: GenerateImagesResponse): GenerationUsage {
    const delivered = result.images.filter((image): image is StoredGenerationImage => !('error' in image));
    const tokens = delivered.reduce((sum, image) => sum + imageOutputTokens(image.width, image.height), 0);
    return { generated_images: delivered.length, output_tokens: tokens, total_tokens: tokens };
  }

  private url(image: StoredGenerationImage): Promise<string> {
    return this.storage.presignGet({
      key: image.object_key,
      contentType: 'image/jpeg',
      expiresInSeconds: GENERATED_URL_TTL_SECONDS,
    });
  }

  private async base64(image: StoredGenerationImage): Promise<string> {
    const bytes = await this.storage.readHead({ key: image.object_key, bytes: image.bytes });
    return bytes.toString('base64');
  }
}
