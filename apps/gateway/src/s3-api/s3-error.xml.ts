import { DomainError, ErrorCode, httpStatusOf } from '@mp/contracts';
import { randomUUID } from 'node:crypto';
import { xmlDocument } from './s3-xml';

/** Platform codes under their S3 names (the others, e.g. SignatureDoesNotMatch, are already S3's). */
const S3_CODES: Partial<Record<ErrorCode, string>> = {
  ValidationFailed: 'InvalidArgument',
  Unauthenticated: 'AccessDenied',
  InvalidApiKey: 'InvalidAccessKeyId',
  WrongKeyKind: 'AccessDenied',
  Forbidden: 'AccessDenied',
  NotFound: 'NoSuchKey',
  NoSuchRoute: 'NoSuchKey',
  ObjectNotFound: 'NoSuchKey',
  FileNotFound: 'NoSuchKey',
  ApiKeyNotFound: 'InvalidAccessKeyId',
  Conflict: 'OperationAborted',
  PayloadTooLarge: 'EntityTooLarge',
  RateLimited: 'SlowDown',
  Internal: 'InternalError',
  DependencyUnavailable: 'ServiceUnavailable',
  Timeout: 'RequestTimeout',
};

/** Statuses that differ from the platform's for the same code (S3 answers these with 400 and 503). */
const S3_STATUS: Record<string, number> = {
  EntityTooLarge: 400,
  SlowDown: 503,
  IncompleteBody: 400,
  XAmzContentSHA256Mismatch: 400,
  InvalidRequest: 400,
  InvalidArgument: 400,
  OperationAborted: 409,
  InvalidRange: 416,
  MissingContentLength: 411,
};

export interface S3ErrorAnswer {
  status: number;
  code: string;
  body: string;
}

/** A DomainError as S3 answers it: `<Error><Code>…</Code><Message>…</Message>…</Error>` and its status. */
export function renderS3Error(error: DomainError, resource?: string): S3ErrorAnswer {
  const override = typeof error.details?.s3_code === 'string' ? error.details.s3_code : undefined;
  const code = override ?? S3_CODES[error.code] ?? error.code;
  const status = S3_STATUS[code] ?? httpStatusOf(error.code);
  const body = xmlDocument(
    'Error',
    {
      Code: code,
      Message: error.message,
      ...(resource === undefined ? {} : { Resource: resource }),
      RequestId: randomUUID(),
    },
    false,
  );
  return { status, code, body };
}
