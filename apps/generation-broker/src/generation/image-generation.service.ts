import { Injectable } from '@nestjs/common';
import { GenerateImagesResponse, RpcParsedRequest } from '@mp/contracts';
import { RpcHandler } from '@mp/platform';
import { GenerationRunner } from './generation-runner';

/** `generation.images.generate`: the gateway's synchronous `POST /v1/images/generations`. */
@Injectable()
export class ImageGenerationService {
  constructor(private readonly runner: GenerationRunner) {}

  @RpcHandler('generation.images.generate')
  generate(request: RpcParsedRequest<'generation.images.generate'>): Promise<GenerateImagesResponse> {
    return this.runner.run(request, { origin: 'generation', source_job_id: request.request_id });
  }
}
