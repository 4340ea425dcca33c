import { createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** A callback as a test's receiver saw it. */
export interface ReceivedCallback {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Verifies `webhook-signature` as a customer would, from the Standard Webhooks definition. */
export function signatureValid(secret: string, r: ReceivedCallback): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const mac = createHmac('sha256', key)
    .update(`${String(r.headers['webhook-id'])}.${String(r.headers['webhook-timestamp'])}.${r.body}`)
    .digest('base64');
  return String(r.headers['webhook-signature']).split(' ').includes(`v1,${mac}`);
}
