import { TeamKeys, waitFor } from '@mp/testing';

export type ImageApiHeader = { isSuccessful: boolean; resultCode: number; resultMessage: string };
export type ImageApiBody = { header: ImageApiHeader } & Record<string, any>;

export interface ImageApiCall {
  body?: FormData | string | Uint8Array;
  /** Sent as JSON, with its Content-Type. */
  json?: unknown;
  /** The Content-Type of a `body`. */
  contentType?: string;
  /** Another secret key than the team's. */
  secretKey?: string;
  /** Another app key's base than the team's. */
  appKey?: string;
}

/**
 * Seed 001's image API as a team's `image` key calls it: the secret key as `Authorization`, every
 * answer HTTP 200 (the outcome is in `header`). The team is looked up at each call.
 */
export function imageApiOf(gatewayUrl: () => string, team: () => TeamKeys) {
  const keys = () => team().keys.image!;
  /** `…/image/v2.0/appkeys/{appKey}`, the team's app key unless another is given. */
  const base = (appKey = keys().app_key!) => `${gatewayUrl()}/image/v2.0/appkeys/${appKey}`;
  const call = async (method: string, path: string, init: ImageApiCall = {}): Promise<ImageApiBody> => {
    const headers: Record<string, string> = { Authorization: init.secretKey ?? keys().secret_key! };
    if (init.json !== undefined) headers['Content-Type'] = 'application/json';
    else if (init.contentType) headers['Content-Type'] = init.contentType;
    const res = await fetch(`${base(init.appKey)}${path}`, {
      method,
      headers,
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    });
    expect(res.status).toBe(200);
    return (await res.json()) as ImageApiBody;
  };
  /** `PUT /images?<query>` with the image's bytes as the body. */
  const putImage = (query: string, bytes: Buffer) =>
    call('PUT', `/images?${query}`, { body: new Uint8Array(bytes), contentType: 'application/octet-stream' });
  const waitQueue = (queueId: string, status: 'D' | 'F' = 'D') =>
    waitFor(async () => ((await call('GET', `/queues/${queueId}`)).queue.status === status ? true : undefined), {
      timeoutMs: 30_000,
      what: `queue ${queueId} ${status}`,
    });
  return { base, call, putImage, waitQueue };
}
