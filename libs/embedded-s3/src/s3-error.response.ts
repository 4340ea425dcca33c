import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';

export interface S3ErrorBody {
  status: number;
  code: string;
  message: string;
}

/** Answers with an S3 XML error (no body for HEAD), readable by browsers from any origin. */
export function sendS3Error(req: IncomingMessage, res: ServerResponse, error: S3ErrorBody): void {
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message>` +
    `<RequestId>${randomBytes(8).toString('hex').toUpperCase()}</RequestId></Error>`;
  res.statusCode = error.status;
  res.setHeader('Content-Type', 'application/xml');
  if (req.headers.origin) res.setHeader('Access-Control-Allow-Origin', '*');
  if (req.method === 'HEAD') res.end();
  else res.end(body);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
