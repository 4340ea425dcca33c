import { z } from 'zod';

export interface OperationDoc {
  method: 'get' | 'post' | 'patch' | 'delete' | 'put';
  path: string;
  summary: string;
  description?: string;
  body?: z.ZodType;
  /** Media type of `body` when it is not JSON (e.g. multipart/form-data). */
  bodyContentType?: string;
  /** Path parameters that are not UUIDs, each a property of this object schema. */
  params?: z.ZodObject;
  /** Query parameters, each a property of this object schema. */
  query?: z.ZodObject;
  response: z.ZodType;
  /** Media type of the response when it is not JSON (e.g. a file download). */
  responseContentType?: string;
  status: number;
  /** No authentication (e.g. a login route); otherwise the dialect's security scheme applies. */
  public?: boolean;
  /** The success answer is a redirect: documented with its `Location` header instead of a body. */
  redirect?: boolean;
}

export interface DialectDoc {
  title: string;
  description: string;
  security: { name: string; scheme: Record<string, unknown> };
  errorExample: unknown;
  operations: OperationDoc[];
}
