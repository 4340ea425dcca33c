import { Injectable } from '@nestjs/common';
import { GenerationModel, Principal } from '@mp/contracts';
import { RateLimitEnforcer } from '../rate-limit/rate-limit.enforcer';

const SCOPE = 'generation-images';

/**
 * The model's images per minute (the seed's "Max Gambar per Menit", 500) per key: a request counts
 * as the images it may produce, refused whole when they do not fit. Fails open like the request
 * limit: a Redis outage must not stop generation.
 */
@Injectable()
export class ModelImageRateLimiter {
  constructor(private readonly enforcer: RateLimitEnforcer) {}

  async take(principal: Principal, model: GenerationModel, images: number): Promise<void> {
    const outcome = await this.enforcer.count(
      `${SCOPE}:${model.name}`,
      principal,
      { limit: model.imagesPerMinute, windowSeconds: 60 },
      {
        perKey: false,
        weight: images,
        refusal: (policy, retryAfter) =>
          `Rate limit exceeded: ${model.name} generates at most ${policy.limit} images per minute per key; ` +
          `this request may produce ${images}; retry in ${retryAfter} s`,
      },
    );
    if (outcome.refusal) throw outcome.refusal;
  }
}
