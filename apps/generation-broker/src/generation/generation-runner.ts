import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  GenerateImagesRequest,
  GenerateImagesResponse,
  GenerationImageStoredEvent,
  GenerationOutcome,
  resolveOutputSize,
} from '@mp/contracts';
import { GenerationBrokerConfig } from '../app.config';
import { isFailedImage, ProviderRegistry, watermarkOutcomes } from '../providers';
import { generateBatch } from './batch-fill';
import { GENERATION_CONFIG, PROVIDER_REGISTRY } from './generation.config';
import { GenerationOutputStore } from './generation-outputs.store';
import { checkGenerationRequest } from './generation-request.check';
import { ReferenceLoader } from './reference-loader';

/** Who asked: a `POST /v1/images/generations` (its request id) or a prediction (its job id). */
export interface GenerationOrigin {
  origin: GenerationImageStoredEvent['origin'];
  source_job_id: string;
}

/**
 * One generation: references read and checked, the model's provider called (with the batch
 * fallback), our watermark applied, every image stored and announced (files registers it as a file
 * of the team, the gallery lists it). Callers turn the stored images into URLs or base64.
 */
@Injectable()
export class GenerationRunner {
  constructor(
    private readonly references: ReferenceLoader,
    private readonly outputs: GenerationOutputStore,
    @Inject(PROVIDER_REGISTRY) private readonly providers: ProviderRegistry,
    @Inject(GENERATION_CONFIG) private readonly config: GenerationBrokerConfig,
  ) {}

  async run(request: GenerateImagesRequest, origin: GenerationOrigin): Promise<GenerateImagesResponse> {
    const { model, size, wanted } = checkGenerationRequest(request);
    const provider = this.providers.providerFor(model.name);
    if (!provider) {
      throw new DomainError('ValidationFailed', `model ${model.name} is not served by this deployment`, {
        parameter_code: 'InvalidParameter',
        configured_models: this.providers.configuredModels(),
      });
    }
    const references = await this.references.load(request.references);
    const first = references[0];
    const output = resolveOutputSize(size, {
      prompt: request.prompt,
      referenceAspect: first ? first.width / first.height : undefined,
    });
    const signal = AbortSignal.timeout(this.config.GENERATION_TIMEOUT_MS);
    const batch = await generateBatch(
      provider,
      {
        model: model.providerId,
        prompt: request.prompt,
        width: output.width,
        height: output.height,
        sequentialImageGeneration: request.sequential,
        maxImages: wanted,
        references: references.map((r) => r.bytes),
        optimizePromptMode: request.prompt_mode,
        responseFormat: 'b64_json',
      },
      wanted,
      signal,
    ).catch((err: unknown) => {
      if (signal.aborted) throw this.timedOut();
      throw err;
    });
    const finished = await watermarkOutcomes(batch.images, request.watermark);
    const images = await Promise.all(
      finished.map((outcome, index): Promise<GenerationOutcome> =>
        isFailedImage(outcome)
          ? Promise.resolve(outcome)
          : this.outputs.store(request.team_id, request.request_id, index, outcome),
      ),
    );
    await this.outputs.announce(
      {
        team_id: request.team_id,
        key_id: request.key_id,
        ...origin,
        model: model.name,
        prompt: request.prompt,
        size_label: request.size,
      },
      images.flatMap((image, index) => ('object_key' in image ? [{ ...image, index }] : [])),
    );
    return {
      model: batch.first.model,
      provider: provider.kind,
      created: Math.floor(Date.now() / 1000),
      images,
    };
  }

  private timedOut(): DomainError {
    const seconds = Math.round(this.config.GENERATION_TIMEOUT_MS / 1000);
    return new DomainError(
      'Timeout',
      `The generation took longer than ${seconds} seconds; try a lower resolution or fewer images`,
    );
  }
}
