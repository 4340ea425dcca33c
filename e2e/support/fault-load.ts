import { postUploadForm, solidPng, sleep } from '@mp/testing';

const REQUEST_TIMEOUT_MS = 20_000;
type ImageBody = { header?: { isSuccessful?: boolean; resultCode?: number } } & Record<string, any>;

export interface LoadClients {
  gatewayUrl: string;
  cdtKey: string;
  /** `…/image/v2.0/appkeys/{appKey}` */
  imageBase: string;
  imageSecret: string;
  /** The callback URL of one operations-exec request. */
  callbackUrl(requestId: string): string;
}

export interface AcceptedUpload {
  objectKey: string;
}
export interface AcceptedImageJob {
  path: string;
  fileId: string;
  queueId: string;
}
export interface AcceptedCallbackJob {
  requestId: string;
  queueId: string;
}

/** What the clients saw: requests accepted (and must therefore complete) and requests refused while a fault lasted. */
export interface LoadLedger {
  uploads: AcceptedUpload[];
  imageJobs: AcceptedImageJob[];
  callbackJobs: AcceptedCallbackJob[];
  refused: { uploads: number; imageJobs: number; callbackJobs: number };
  searches: { ok: number; failed: number };
}

/** The operation every image and callback job runs: one 16×16 result file per source. */
export const THUMB_OPERATION = {
  id: 'thumb',
  body: { data: [{ templateOperationId: 'resize_fixed', option: { width: 16, height: 16 } }] },
};

/**
 * Clients that keep uploading (seed 000 presigned POST), searching, uploading images with an
 * operation and executing operations with a callback until `stop()`, each as a sequential loop.
 */
export class FaultLoad {
  readonly ledger: LoadLedger = {
    uploads: [],
    imageJobs: [],
    callbackJobs: [],
    refused: { uploads: 0, imageJobs: 0, callbackJobs: 0 },
    searches: { ok: 0, failed: 0 },
  };
  private stopped = false;
  private loops: Promise<void>[] = [];

  constructor(private readonly clients: LoadClients) {}

  start(): void {
    this.loops = [
      this.loop((n) => this.upload(`a${n}`), 100),
      this.loop((n) => this.upload(`b${n}`), 100),
      this.loop(() => this.search(), 150),
      this.loop((n) => this.imageJob(n), 200),
      this.loop((n) => this.callbackJob(n), 300),
    ];
  }

  async stop(): Promise<LoadLedger> {
    this.stopped = true;
    await Promise.all(this.loops);
    return this.ledger;
  }

  private async loop(step: (n: number) => Promise<void>, pauseMs: number): Promise<void> {
    for (let n = 0; !this.stopped; n++) {
      await step(n);
      await sleep(pauseMs);
    }
  }

  private async upload(name: string): Promise<void> {
    const accepted = await attempt(async () => {
      const session = await fetch(`${this.clients.gatewayUrl}/v1/files/upload-url`, {
        method: 'POST',
        headers: { 'X-API-Key': this.clients.cdtKey, 'Content-Type': 'application/json' },
        body: JSON.stringify({ filename: `${name}.png`, folder: 'load' }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      if (session.status !== 200) return undefined;
      const data = (await session.json()) as {
        upload_url: string;
        upload_fields: Record<string, string>;
        object_key: string;
      };
      const posted = await postUploadForm(
        data,
        { name: `${name}.png`, bytes: solidPng(8, 8), type: 'image/png' },
        { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) },
      );
      return posted.status >= 200 && posted.status < 300 ? { objectKey: data.object_key } : undefined;
    });
    if (accepted) this.ledger.uploads.push(accepted);
    else this.ledger.refused.uploads++;
  }

  private async search(): Promise<void> {
    const ok = await attempt(async () => {
      const res = await fetch(`${this.clients.gatewayUrl}/v1/files/storage/search`, {
        method: 'POST',
        headers: { 'X-API-Key': this.clients.cdtKey, 'Content-Type': 'application/json' },
        body: JSON.stringify({ filters: { folder: 'load' }, page_size: 10 }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      return res.status === 200 || undefined;
    });
    if (ok) this.ledger.searches.ok++;
    else this.ledger.searches.failed++;
  }

  private async imageJob(n: number): Promise<void> {
    const path = `/load/i-${n}.png`;
    const accepted = await attempt(async () => {
      const body = await this.putImage(path, `&operationIds=${THUMB_OPERATION.id}`);
      const queueId = body?.file?.queues?.[0]?.queueId as string | undefined;
      return body?.header?.isSuccessful && queueId ? { path, fileId: body.file.id as string, queueId } : undefined;
    });
    if (accepted) this.ledger.imageJobs.push(accepted);
    else this.ledger.refused.imageJobs++;
  }

  private async callbackJob(n: number): Promise<void> {
    const requestId = `c${n}`;
    const path = `/cb/s-${n}.png`;
    const accepted = await attempt(async () => {
      if (!(await this.putImage(path, ''))?.header?.isSuccessful) return undefined;
      const exec = await this.imageCall('POST', '/operations-exec', {
        basepath: '/cb',
        operationIds: [THUMB_OPERATION.id],
        filepaths: [path],
        callbackUrl: this.clients.callbackUrl(requestId),
      });
      const queueId = exec?.queues?.[0]?.queueId as string | undefined;
      return exec?.header?.isSuccessful && queueId ? { requestId, queueId } : undefined;
    });
    if (accepted) this.ledger.callbackJobs.push(accepted);
    else this.ledger.refused.callbackJobs++;
  }

  private async putImage(path: string, extraQuery: string): Promise<ImageBody | undefined> {
    const res = await fetch(`${this.clients.imageBase}/images?path=${encodeURIComponent(path)}${extraQuery}`, {
      method: 'PUT',
      headers: { Authorization: this.clients.imageSecret, 'Content-Type': 'application/octet-stream' },
      body: new Uint8Array(solidPng(40, 30)),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    return res.status === 200 ? ((await res.json()) as ImageBody) : undefined;
  }

  async imageCall(method: string, path: string, json?: unknown): Promise<ImageBody | undefined> {
    const headers: Record<string, string> = { Authorization: this.clients.imageSecret };
    if (json !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(`${this.clients.imageBase}${path}`, {
      method,
      headers,
      body: json === undefined ? undefined : JSON.stringify(json),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    return res.status === 200 ? ((await res.json()) as ImageBody) : undefined;
  }
}

/** A request that fails while a fault lasts (connection refused, 5xx, timeout) counts as refused, not as an error. */
async function attempt<T>(request: () => Promise<T | undefined>): Promise<T | undefined> {
  try {
    return await request();
  } catch {
    return undefined;
  }
}
