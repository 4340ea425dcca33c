import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';

/** Paths that may carry credentials; pino replaces them before anything is written. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers["x-auth-token"]',
  'headers.authorization',
  'headers["x-api-key"]',
  'headers["x-auth-token"]',
  '*.key',
  '*.secret_key',
  '*.password',
  '*.token',
  'key',
  'secret_key',
  'password',
  'token',
];

export function createLogger(options: { app: string; level: string }): Logger {
  return pino({
    level: options.level,
    base: { app: options.app },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

/** Adapts pino to Nest's LoggerService so framework messages share one format. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
