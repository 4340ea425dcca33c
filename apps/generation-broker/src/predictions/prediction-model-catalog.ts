import { Inject, Injectable } from '@nestjs/common';
import { DomainError, findPredictionModel, PREDICTION_MODELS, PredictionModel } from '@mp/contracts';
import { ProviderRegistry } from '../providers';
import { PROVIDER_REGISTRY } from '../generation/generation.config';

/** The prediction models this deployment can run: in `PREDICTION_MODELS` and served by a configured provider. */
@Injectable()
export class PredictionModelCatalog {
  constructor(@Inject(PROVIDER_REGISTRY) private readonly providers: ProviderRegistry) {}

  available(): string[] {
    return PREDICTION_MODELS.filter((m) => this.providers.providerFor(m.imageModel)).map((m) => m.name);
  }

  /** Throws `ModelNotAvailable` naming the model and the available ones. */
  resolve(name: string): PredictionModel {
    const model = findPredictionModel(name);
    if (model && this.providers.providerFor(model.imageModel)) return model;
    const available = this.available();
    throw new DomainError(
      'ModelNotAvailable',
      `Model "${name}" is not available on this deployment; available models: ${available.join(', ') || 'none'}`,
      { model: name, available_models: available },
    );
  }
}
