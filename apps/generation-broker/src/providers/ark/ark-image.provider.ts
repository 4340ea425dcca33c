import { setTimeout as sleep } from 'node:timers/promises';
import { DomainError } from '@mp/contracts';
import {
  getFromTarget,
  HostResolver,
  OutboundPolicy,
  OutboundRefusedError,
  postToTarget,
  resolveOutboundTarget,
  ResponseTooLargeError,
} from '@mp/outbound';
import { Secret } from '../secret';
import { ImageOutcome, ImageProvider, ProviderRequest, ProviderResult } from '../provider.types';
import { arkRequestBody } from './ark-request-body';
import { AttemptVerdict, retryAfterMs, verdictOf } from './ark-error-mapping';
import { ArkOutput, readArkAnswer } from './ark-response';
import { isJpeg } from './image-mime-type';
import { raceAbort } from './race-abort';
import { jpegDimensions } from './jpeg-dimensions';

export interface ArkProviderOptions {
  baseUrl: string;
  apiKey: Secret;
  /** Deadline of the whole call (every attempt and the downloads); past it → Timeout. */
  timeoutMs: number;
  maxAttempts: number;
  backoffBaseMs: number;
  /** Longest `Retry-After` we wait for; a longer one ends the call with RateLimited. */
  retryAfterMaxMs: number;
  maxResponseBytes: number;
  maxImageBytes: number;
  policy: OutboundPolicy;
  resolve: HostResolver;
}

const TIMED_OUT = /^timed out after \d+ ms$/;

/** The Ark/ModelArk images API (`POST {base}/api/v3/images/generations`) behind the ImageProvider interface. */
export class ArkImageProvider implements ImageProvider {
  readonly kind = 'ark' as const;
  private readonly endpoint: string;

  constructor(private readonly options: ArkProviderOptions) {
    this.endpoint = new URL('api/v3/images/generations', options.baseUrl.replace(/\/?$/, '/')).toString();
  }

  async generate(request: ProviderRequest, signal?: AbortSignal): Promise<ProviderResult> {
    const deadline = Date.now() + this.options.timeoutMs;
    const payload = JSON.stringify(arkRequestBody(request));
    const body = await this.call(payload, deadline, signal);
    const answer = readArkAnswer(body as { data: unknown[] });
    const images = await raceAbort(Promise.all(answer.outputs.map((o) => this.materialize(o, deadline))), signal);
    return {
      provider: 'ark',
      model: answer.model ?? request.model,
      images,
      ...(answer.usage ? { usage: answer.usage } : {}),
    };
  }

  private async call(payload: string, deadline: number, signal?: AbortSignal): Promise<unknown> {
    let last: DomainError | undefined;
    for (let attempt = 1; attempt <= this.options.maxAttempts; attempt++) {
      signal?.throwIfAborted();
      const verdict = await raceAbort(this.attempt(payload, deadline), signal);
      if (verdict.kind === 'ok') return verdict.body;
      if (verdict.kind === 'fail') throw verdict.error;
      last = verdict.error;
      if (attempt === this.options.maxAttempts) break;
      const wait = verdict.retryAfterMs ?? this.options.backoffBaseMs * 2 ** (attempt - 1);
      if (wait > this.options.retryAfterMaxMs || Date.now() + wait >= deadline) break;
      await sleep(wait, undefined, signal ? { signal } : undefined);
    }
    throw last!;
  }

  private async attempt(payload: string, deadline: number): Promise<AttemptVerdict> {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return { kind: 'fail', error: timeout(this.options.timeoutMs) };
    try {
      const target = await resolveOutboundTarget(this.endpoint, this.options.policy, this.options.resolve);
      const response = await postToTarget({
        target,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Bearer ${this.options.apiKey.reveal()}`,
        },
        body: payload,
        timeoutMs: remaining,
        excerptBytes: this.options.maxResponseBytes + 1,
      });
      if (Buffer.byteLength(response.excerpt, 'utf8') > this.options.maxResponseBytes) {
        const error = `The image provider's answer is larger than ${this.options.maxResponseBytes} bytes`;
        return { kind: 'fail', error: unavailable(error) };
      }
      return verdictOf(response.statusCode, parseJson(response.excerpt), retryAfterMs(response.headers['retry-after']));
    } catch (err) {
      if (err instanceof OutboundRefusedError)
        return { kind: 'fail', error: unavailable(`The image provider URL is refused: ${err.message}`) };
      if (err instanceof Error && TIMED_OUT.test(err.message))
        return { kind: 'fail', error: timeout(this.options.timeoutMs) };
      const reason = err instanceof Error ? err.message : String(err);
      return { kind: 'retry', error: unavailable(`The image provider is unreachable: ${reason}`) };
    }
  }

  /** Decodes or downloads one output; a failure here fails that image only. */
  private async materialize(output: ArkOutput, deadline: number): Promise<ImageOutcome> {
    if (output.kind === 'error') return { error: { code: output.code, message: output.message } };
    let bytes: Buffer;
    try {
      bytes = output.kind === 'b64' ? Buffer.from(output.b64, 'base64') : await this.download(output.url, deadline);
    } catch (err) {
      return { error: { code: 'DownloadFailed', message: (err as Error).message } };
    }
    const size = isJpeg(bytes) ? jpegDimensions(bytes) : null;
    if (!size)
      return { error: { code: 'GenerationFailed', message: 'The provider returned an image that is not a JPEG' } };
    return { bytes, ...size };
  }

  private async download(url: string, deadline: number): Promise<Buffer> {
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new Error('no time left to download the image');
    const target = await resolveOutboundTarget(url, this.options.policy, this.options.resolve);
    try {
      const response = await getFromTarget(target, {
        timeoutMs: remaining,
        maxBytes: this.options.maxImageBytes,
        accept: 'image/jpeg, image/*',
      });
      if (response.statusCode !== 200) throw new Error(`downloading the image answered HTTP ${response.statusCode}`);
      return response.body;
    } catch (err) {
      if (err instanceof ResponseTooLargeError) throw new Error(`the image is larger than ${err.maxBytes} bytes`);
      throw err;
    }
  }
}

function unavailable(message: string): DomainError {
  return new DomainError('DependencyUnavailable', message, { provider: 'ark' });
}

function timeout(ms: number): DomainError {
  return new DomainError('Timeout', `The image provider did not answer within ${Math.round(ms / 1000)} s`, {
    provider: 'ark',
    timeoutMs: ms,
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
