import type { ServerResponse } from 'node:http';

/** An entity reference whose `&` was escaped once more. */
const ESCAPED_TWICE = /&amp;(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;

/** Undoes the second escaping in an XML text (`it's` arrives as `it&amp;#x27;s`). */
export function unescapeOnce(xml: string): string {
  return xml.replace(ESCAPED_TWICE, '&$1;');
}

/**
 * s3rver escapes element text twice (with `he`, then in its XML builder), so listings report a
 * key `it's & co` as `it&#x27;s &amp; co`. Its successful XML bodies are sent whole, with one
 * `end(string)` call: this corrects them there, with their Content-Length.
 */
export function correctXmlEscaping(res: ServerResponse): void {
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((...args: unknown[]) => {
    const [body] = args;
    const xml = /xml/i.test(String(res.getHeader('content-type') ?? ''));
    if (typeof body === 'string' && xml && res.statusCode < 300 && !res.headersSent) {
      const corrected = unescapeOnce(body);
      res.setHeader('Content-Length', Buffer.byteLength(corrected));
      return end(corrected, ...args.slice(1));
    }
    return end(...args);
  }) as ServerResponse['end'];
}
