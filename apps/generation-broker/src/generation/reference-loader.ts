import { Inject, Injectable } from '@nestjs/common';
import { DomainError, GenerationReferenceInput, MAX_REFERENCE_BYTES } from '@mp/contracts';
import {
  getFromTarget,
  HOST_RESOLVER,
  HostResolver,
  OutboundRefusedError,
  resolveOutboundTarget,
  ResponseTooLargeError,
} from '@mp/outbound';
import { ObjectStorage } from '@mp/storage';
import { GenerationBrokerConfig } from '../app.config';
import { inspectReferenceImage } from '../references/reference-image-sharp.adapter';
import { byteLimitProblem } from '../references/reference-image-rules';
import { GENERATION_CONFIG } from './generation.config';
import { parameterInvalid } from './generation-request.check';

export interface LoadedReference {
  bytes: Buffer;
  width: number;
  height: number;
}

/**
 * Reads every reference image (a staged `data:` URL from the store, a public URL through the SSRF
 * guard, capped at 10 MB while it streams) and checks each on its decoded bytes.
 */
@Injectable()
export class ReferenceLoader {
  constructor(
    private readonly storage: ObjectStorage,
    @Inject(HOST_RESOLVER) private readonly resolve: HostResolver,
    @Inject(GENERATION_CONFIG) private readonly config: GenerationBrokerConfig,
  ) {}

  load(references: readonly GenerationReferenceInput[]): Promise<LoadedReference[]> {
    return Promise.all(references.map((reference) => this.loadOne(reference)));
  }

  private async loadOne(reference: GenerationReferenceInput): Promise<LoadedReference> {
    const bytes = 'url' in reference ? await this.fetch(reference.label, reference.url) : await this.staged(reference);
    const inspection = await inspectReferenceImage(bytes, reference.label);
    if (!inspection.ok) throw parameterInvalid(inspection.error.message);
    return { bytes, width: inspection.image.width, height: inspection.image.height };
  }

  private async staged(reference: { label: string; object_key: string }): Promise<Buffer> {
    const head = await this.storage.head(reference.object_key);
    if (!head) throw new DomainError('Conflict', `${reference.label} is no longer staged; send the request again`);
    const tooBig = byteLimitProblem(reference.label, head.size);
    if (tooBig && !tooBig.ok) throw parameterInvalid(tooBig.error.message);
    return this.storage.readHead({ key: reference.object_key, bytes: head.size });
  }

  private async fetch(label: string, url: string): Promise<Buffer> {
    try {
      const target = await resolveOutboundTarget(url, this.outboundPolicy(), this.resolve);
      const response = await getFromTarget(target, {
        timeoutMs: this.config.REFERENCE_FETCH_TIMEOUT_MS,
        maxBytes: MAX_REFERENCE_BYTES,
        accept: 'image/*',
      });
      if (response.statusCode !== 200) {
        throw parameterInvalid(`${label} could not be downloaded: the server answered ${response.statusCode}`);
      }
      return response.body;
    } catch (err) {
      if (err instanceof DomainError) throw err;
      if (err instanceof ResponseTooLargeError) {
        throw parameterInvalid(`${label} is larger than 10 MB (${MAX_REFERENCE_BYTES} bytes)`);
      }
      if (err instanceof OutboundRefusedError) throw parameterInvalid(`${label} URL is not allowed: ${err.message}`);
      throw parameterInvalid(`${label} could not be downloaded: ${(err as Error).message}`);
    }
  }

  private outboundPolicy() {
    return { allowedPorts: this.config.OUTBOUND_ALLOWED_PORTS, ...this.config.OUTBOUND_ALLOWLIST };
  }
}
