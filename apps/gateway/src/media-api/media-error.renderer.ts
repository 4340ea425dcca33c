import { DomainError, httpStatusOf } from '@mp/contracts';

interface FastApiIssue {
  loc: Array<string | number>;
  msg: string;
  type: string;
}

/** Request validation failures with per-field issues (ours or an RPC schema's) → FastAPI's list. */
function fastApiIssues(e: DomainError): FastApiIssue[] | null {
  if (e.code !== 'ValidationFailed' || !Array.isArray(e.details.issues)) return null;
  return (e.details.issues as Array<{ field?: string; message?: string; type?: string; location?: string }>).map(
    (i) => ({
      loc: [
        i.location ?? 'body',
        ...(i.field && i.field !== '(body)' ? i.field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)) : []),
      ],
      msg: i.message ?? 'Invalid value',
      type: i.type ?? 'value_error',
    }),
  );
}

/** `{"detail": "..."}`, or `{"detail": [{loc, msg, type}]}` for request validation (HTTP 422). */
export function renderMediaApiError(e: DomainError): unknown {
  if (e.code === 'NoSuchRoute') return { detail: 'Not Found' };
  if (e.code === 'Internal') return { detail: 'Internal Server Error' };
  return { detail: fastApiIssues(e) ?? e.message };
}

/** 422 for request validation, 400 for a duplicate (the seed's "400 if … already has"), else the code's status. */
export function mediaApiStatus(e: DomainError): number {
  if (fastApiIssues(e)) return 422;
  if (e.code === 'Conflict') return 400;
  return httpStatusOf(e.code);
}
