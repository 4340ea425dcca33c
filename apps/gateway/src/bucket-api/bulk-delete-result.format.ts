import type { BulkDeleteResult } from '@mp/contracts';

const xmlText = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface BulkDeleteAnswer extends BulkDeleteResult {
  /** Lines that were not a valid `container[/object]`. */
  invalid: Array<[string, string]>;
}

/**
 * Swift's bulk-delete result document (answered with HTTP 200 whatever happened): text/plain by
 * default, JSON or XML by `Accept`. `Response Status` is 400 when any item failed.
 */
export function formatBulkDeleteResult(
  answer: BulkDeleteAnswer,
  accept: string | undefined,
): { contentType: string; body: string } {
  const errors = [...answer.invalid, ...answer.errors];
  const status = errors.length > 0 ? '400 Bad Request' : '200 OK';
  const responseBody = errors.length > 0 ? 'There were errors deleting some items.' : '';
  if (accept && /application\/json/i.test(accept)) {
    return {
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify({
        'Number Deleted': answer.deleted,
        'Number Not Found': answer.not_found,
        'Response Body': responseBody,
        'Response Status': status,
        Errors: errors,
      }),
    };
  }
  if (accept && /(application|text)\/xml/i.test(accept)) {
    const items = errors.map(([n, s]) => `<object><name>${xmlText(n)}</name><status>${s}</status></object>`).join('');
    return {
      contentType: 'application/xml; charset=utf-8',
      body:
        `<?xml version="1.0" encoding="UTF-8"?>\n<delete><number_deleted>${answer.deleted}</number_deleted>` +
        `<number_not_found>${answer.not_found}</number_not_found><response_body>${responseBody}</response_body>` +
        `<response_status>${status}</response_status><errors>${items}</errors></delete>`,
    };
  }
  return {
    contentType: 'text/plain; charset=utf-8',
    body:
      `Number Deleted: ${answer.deleted}\nNumber Not Found: ${answer.not_found}\n` +
      `Response Body: ${responseBody}\nResponse Status: ${status}\nErrors:\n` +
      errors.map(([n, s]) => `${n}, ${s}\n`).join(''),
  };
}
