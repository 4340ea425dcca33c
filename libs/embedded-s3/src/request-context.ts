import { AsyncLocalStorage } from 'node:async_hooks';

/** The parts of a request SigV4 signs, exactly as the client sent them. */
export interface SignedParts {
  uri: string;
  querystring: string;
  /** Original values of the headers the wrapper rewrote for s3rver. */
  headers: Record<string, string>;
}

/** The request an s3rver callback is running for. */
export interface RequestContext {
  method: string;
  query: URLSearchParams;
  signed: SignedParts;
  /** `x-amz-copy-source-if-match` of a copy, which s3rver itself ignores. */
  copySourceIfMatch?: string;
}

/** Follows each request through s3rver's asynchronous handling. */
export const requestContext = new AsyncLocalStorage<RequestContext>();
