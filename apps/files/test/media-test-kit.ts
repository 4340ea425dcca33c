import { BaseConfig, JobQueue, RpcClient } from '@mp/platform';
import { ObjectStorage } from '@mp/storage';
import { BootedApp, TestInfra, testObjectStorage, waitFor } from '@mp/testing';
import { JobName, QueueName, queueOf } from '@mp/contracts';
import { randomUUID } from 'node:crypto';

/** A client of the test bucket, as the presigned PUT uploader or an inspector of the store. */
export function storageOf(infra: TestInfra): ObjectStorage {
  return testObjectStorage(infra.env);
}

export function rpcOf(infra: TestInfra): RpcClient {
  return new RpcClient(infra.nc, { NAMESPACE: infra.namespace, RPC_TIMEOUT_MS: 20_000 } as BaseConfig);
}

/** Puts bytes where the presigned PUT flow puts them: `temp/{file_id}_{timestamp}_{name}`. */
export async function putTemp(
  storage: ObjectStorage,
  name: string,
  body: Buffer,
  contentType = 'image/png',
): Promise<string> {
  const key = `temp/${randomUUID()}_${Date.now()}_${name}`;
  await storage.put({ key, body, contentType });
  return key;
}

/** All keys under a prefix. */
export async function keysUnder(storage: ObjectStorage, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await storage.list({ prefix, cursor, limit: 1000 });
    keys.push(...page.objects.map((o) => o.key));
    cursor = page.nextCursor;
  } while (cursor);
  return keys;
}

let runs = 0;
/** Runs a job now through BullMQ (as its scheduler would) and returns its result once completed. */
export async function runJob<T>(app: BootedApp, name: JobName): Promise<T> {
  const queue = app.app.get(JobQueue);
  const jobId = `test-${name}-${++runs}-${Date.now()}`;
  await queue.enqueue({ name, data: {} } as never, { jobId });
  const bull = queue.queue(queueOf(name) as QueueName);
  await waitFor(
    async () => {
      const state = await bull.getJobState(jobId);
      if (state === 'failed') throw new Error(`${name} failed: ${(await bull.getJob(jobId))?.failedReason}`);
      return state === 'completed';
    },
    { timeoutMs: 20_000, what: `${name} to complete` },
  );
  // Fetched after completion: a job object read while it was active has no return value.
  return (await bull.getJob(jobId))!.returnvalue as T;
}
