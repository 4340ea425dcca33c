import { Inject, Injectable } from '@nestjs/common';
import { DomainError, findGenerationModel, GenerateImagesResponse, Principal } from '@mp/contracts';
import { EventPublisher, LOGGER } from '@mp/platform';
import type { Logger } from 'pino';

/** How one generation request ended, as the request log (`GET /v1/logs`, `stats`) records it. */
export type GenerationEnding =
  { kind: 'answered'; result: GenerateImagesResponse } | { kind: 'failed'; error: unknown };

const MAX_ERROR_MESSAGE = 1000;

/**
 * Publishes `usage.generation.logged` for every authenticated generation request. A request whose
 * images all failed counts as failed. Publishing never fails or delays the request: it is not
 * awaited, and a failed publish is logged.
 */
@Injectable()
export class GenerationRequestLog {
  constructor(
    private readonly events: EventPublisher,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  record(principal: Principal, requestId: string, body: unknown, startedAt: number, ending: GenerationEnding): void {
    const { status, delivered, errorMessage } = outcomeOf(ending);
    const data = {
      request_id: requestId,
      team_id: principal.team_id,
      key_id: principal.key_id,
      model: modelNameOf(body),
      status,
      response_time_ms: Math.max(0, Math.round(Date.now() - startedAt)),
      error_message: errorMessage === null ? null : errorMessage.slice(0, MAX_ERROR_MESSAGE),
      images_generated: delivered,
      occurred_at: new Date(startedAt).toISOString(),
    };
    this.events.publish('usage.generation.logged', data, { id: requestId }).catch((err: unknown) => {
      this.logger.warn({ err, request_id: requestId, key_id: principal.key_id }, 'Could not publish a request log');
    });
  }
}

function outcomeOf(ending: GenerationEnding): {
  status: 'success' | 'failed';
  delivered: number;
  errorMessage: string | null;
} {
  if (ending.kind === 'failed') {
    const message = ending.error instanceof DomainError ? ending.error.message : 'Internal server error';
    return { status: 'failed', delivered: 0, errorMessage: message };
  }
  const delivered = ending.result.images.filter((image) => !('error' in image)).length;
  if (delivered > 0) return { status: 'success', delivered, errorMessage: null };
  const first = ending.result.images.find((image) => 'error' in image);
  const message = first && 'error' in first ? first.error.message : 'No image was generated';
  return { status: 'failed', delivered: 0, errorMessage: message };
}

/** The public name of the model the body asked for; null when it names none the API knows. */
function modelNameOf(body: unknown): string | null {
  const model = typeof body === 'object' && body !== null ? (body as { model?: unknown }).model : undefined;
  return typeof model === 'string' ? (findGenerationModel(model)?.name ?? null) : null;
}
