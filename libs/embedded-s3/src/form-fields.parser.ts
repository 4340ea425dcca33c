/** What precedes the `file` part of a multipart/form-data body. */
export interface FormFieldsPrefix {
  /** Field names lower-cased (S3 matches them case-insensitively); the first occurrence wins. */
  fields: Map<string, string>;
  /** `file` is the next part, or the form ended: nothing after it can change the fields. */
  complete: boolean;
}

const CRLF = '\r\n';

/** The multipart boundary of a `multipart/form-data` content type, if it is one. */
export function formBoundary(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\s*(;|$)/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2]) : null;
}

/**
 * Parses the fields of a form body read so far, up to the part named `file` (S3 ignores any
 * field after it). `complete` is false while more bytes are needed.
 */
export function parseFormFieldsPrefix(body: Buffer, boundary: string): FormFieldsPrefix {
  const fields = new Map<string, string>();
  const delimiter = `--${boundary}`;
  let position = body.indexOf(delimiter);
  if (position < 0) return { fields, complete: false };
  position += delimiter.length;
  for (;;) {
    if (body.length < position + 2) return { fields, complete: false };
    if (body.toString('latin1', position, position + 2) === '--') return { fields, complete: true };
    const headersStart = position + CRLF.length;
    const headersEnd = body.indexOf(CRLF + CRLF, headersStart);
    if (headersEnd < 0) return { fields, complete: false };
    const name = partName(body.toString('utf8', headersStart, headersEnd));
    if (name === 'file') return { fields, complete: true };
    const valueStart = headersEnd + 2 * CRLF.length;
    const valueEnd = body.indexOf(CRLF + delimiter, valueStart);
    if (valueEnd < 0) return { fields, complete: false };
    if (name !== null && !fields.has(name)) fields.set(name, body.toString('utf8', valueStart, valueEnd));
    position = valueEnd + CRLF.length + delimiter.length;
  }
}

function partName(headers: string): string | null {
  const disposition = headers.split(CRLF).find((line) => /^content-disposition\s*:/i.test(line));
  const match = disposition && /;\s*name="([^"]*)"/i.exec(disposition);
  return match ? match[1].toLowerCase() : null;
}
