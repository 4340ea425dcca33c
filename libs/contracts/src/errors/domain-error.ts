import { ErrorCode, isErrorCode } from './error-codes';

export type ErrorDetails = Record<string, unknown>;

/** The one error type services throw. It knows nothing of HTTP or of any dialect. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toJSON(): SerializedDomainError {
    return { code: this.code, message: this.message, details: this.details };
  }

  static fromJSON(value: unknown): DomainError {
    const v = (value ?? {}) as Partial<SerializedDomainError>;
    const code = isErrorCode(v.code) ? v.code : 'Internal';
    return new DomainError(code, typeof v.message === 'string' ? v.message : 'Internal error', v.details ?? {});
  }
}

export interface SerializedDomainError {
  code: ErrorCode;
  message: string;
  details: ErrorDetails;
}
