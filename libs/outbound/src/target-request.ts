import { ClientRequest, request as httpRequest, OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { OutboundTarget } from './outbound-target';
import { pinnedLookup } from './pinned-lookup';

/** A request to a guarded target: connected to its pinned address, no redirects, no connection reuse. */
export function targetRequest(target: OutboundTarget, method: string, headers: OutgoingHttpHeaders): ClientRequest {
  const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return send({
    protocol: target.url.protocol,
    hostname: target.hostname,
    port: target.port,
    path: `${target.url.pathname}${target.url.search}`,
    method,
    headers,
    lookup: pinnedLookup(target.address, target.family),
    agent: false,
  });
}
