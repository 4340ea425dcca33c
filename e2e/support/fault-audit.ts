import { ObjectStorage } from '@mp/storage';
import { Client } from 'pg';
import { CallbackReceipt } from './fault-callback-receiver';
import { LoadLedger } from './fault-load';

/** Prefixes whose objects are temporary by contract and purged by a sweep (docs/configuration.md: `temp/`). */
const TEMP_PREFIXES = ['temp/'];

export interface FaultReport {
  uploads: { accepted: number; refused: number; notActive: string[]; notSearchable: string[] };
  searches: { ok: number; failed: number };
  imageJobs: { accepted: number; refused: number; notDone: string[]; wrongResultCount: string[] };
  callbacks: {
    accepted: number;
    refused: number;
    notDone: string[];
    undelivered: string[];
    /** Requests announced under more than one delivery id: a receiver deduplicating on `webhook-id` would see them twice. */
    distinctIdsOverOne: string[];
    receipts: number;
    /** Receipts repeating an already received `webhook-id` (allowed: delivery is at least once, deduplicated on `webhook-id`). */
    repeatedReceipts: number;
    unsuccessful: string[];
  };
  store: { objects: number; records: number; orphans: string[]; missing: string[] };
}

export function reportHolds(r: FaultReport): boolean {
  return (
    !r.uploads.notActive.length &&
    !r.uploads.notSearchable.length &&
    !r.imageJobs.notDone.length &&
    !r.imageJobs.wrongResultCount.length &&
    !r.callbacks.notDone.length &&
    !r.callbacks.undelivered.length &&
    !r.callbacks.distinctIdsOverOne.length &&
    !r.callbacks.unsuccessful.length &&
    !r.store.orphans.length &&
    !r.store.missing.length
  );
}

/** Compares what the clients were promised (the ledger) with the records, the search index, the receiver and the store. */
export async function auditFaultRun(deps: {
  ledger: LoadLedger;
  receipts: readonly CallbackReceipt[];
  db: Client;
  storage: ObjectStorage;
  searchableKeys: () => Promise<Set<string>>;
  /** When the faults began: orphans are reported with the second they were written at. */
  startedAt: number;
}): Promise<FaultReport> {
  const { ledger, db } = deps;
  const fileStatus = await rowsBy(db, `SELECT "object_key" AS k, "status" AS v FROM "files"."files"`);
  const searchable = await deps.searchableKeys();
  const uploadKeys = ledger.uploads.map((u) => u.objectKey);

  const items = await rowsBy(db, `SELECT "id"::text AS k, "status" AS v FROM "imageops"."queue_items"`);
  const derived = await rowsBy(
    db,
    `SELECT "source_file_id"::text AS k, count(*)::text AS v FROM "imageops"."files"
      WHERE "created_by" = 'P' GROUP BY "source_file_id"`,
  );
  const imageSources = await rowsBy(
    db,
    `SELECT "id"::text AS k, "source_file_id"::text AS v FROM "imageops"."queue_items"`,
  );

  const byRequest = new Map<string, CallbackReceipt[]>();
  for (const r of deps.receipts) byRequest.set(r.requestId, [...(byRequest.get(r.requestId) ?? []), r]);
  const distinctIds = (id: string) => new Set((byRequest.get(id) ?? []).map((r) => r.webhookId));
  const allIds = new Set(deps.receipts.map((r) => `${r.requestId}/${r.webhookId}`));

  const objects = await listAll(deps.storage);
  const recordKeys = new Set([
    ...(
      await db.query<{ k: string }>(
        `SELECT "object_key" AS k FROM "files"."files" WHERE "status" IN ('active', 'pending')`,
      )
    ).rows.map((r) => r.k),
    ...(await db.query<{ k: string }>(`SELECT "object_key" AS k FROM "imageops"."files"`)).rows.map((r) => r.k),
  ]);
  const mustExist = [
    ...(await db.query<{ k: string }>(`SELECT "object_key" AS k FROM "files"."files" WHERE "status" = 'active'`)).rows,
    ...(await db.query<{ k: string }>(`SELECT "object_key" AS k FROM "imageops"."files"`)).rows,
  ].map((r) => r.k);
  const objectKeys = new Set(objects.map((o) => o.key));

  return {
    uploads: {
      accepted: ledger.uploads.length,
      refused: ledger.refused.uploads,
      notActive: uploadKeys.filter((k) => fileStatus.get(k) !== 'active').map((k) => `${k}: ${fileStatus.get(k)}`),
      notSearchable: uploadKeys.filter((k) => !searchable.has(k)),
    },
    searches: ledger.searches,
    imageJobs: {
      accepted: ledger.imageJobs.length,
      refused: ledger.refused.imageJobs,
      notDone: ledger.imageJobs
        .filter((j) => items.get(j.queueId) !== 'D')
        .map((j) => `${j.path}: ${items.get(j.queueId)}`),
      wrongResultCount: ledger.imageJobs
        .filter((j) => derived.get(j.fileId) !== '1')
        .map((j) => `${j.path}: ${derived.get(j.fileId) ?? 0} results`),
    },
    callbacks: {
      accepted: ledger.callbackJobs.length,
      refused: ledger.refused.callbackJobs,
      notDone: ledger.callbackJobs
        .filter((j) => items.get(j.queueId) !== 'D' || derived.get(imageSources.get(j.queueId) ?? '') !== '1')
        .map((j) => `${j.requestId}: ${items.get(j.queueId)}`),
      undelivered: ledger.callbackJobs.filter((j) => !byRequest.has(j.requestId)).map((j) => j.requestId),
      distinctIdsOverOne: [...byRequest.keys()].filter((id) => distinctIds(id).size > 1),
      receipts: deps.receipts.length,
      repeatedReceipts: deps.receipts.length - allIds.size,
      unsuccessful: deps.receipts.filter((r) => r.body.header?.isSuccessful !== true).map((r) => r.requestId),
    },
    store: {
      objects: objects.length,
      records: recordKeys.size,
      orphans: objects
        .filter((o) => !recordKeys.has(o.key) && !TEMP_PREFIXES.some((p) => o.key.startsWith(p)))
        .map((o) => `${o.key} (written at ${((o.lastModified.getTime() - deps.startedAt) / 1000).toFixed(0)}s)`),
      missing: mustExist.filter((k) => !objectKeys.has(k)),
    },
  };
}

async function rowsBy(db: Client, sql: string): Promise<Map<string, string>> {
  return new Map((await db.query<{ k: string; v: string }>(sql)).rows.map((r) => [r.k, r.v]));
}

async function listAll(storage: ObjectStorage): Promise<Array<{ key: string; lastModified: Date }>> {
  const keys: Array<{ key: string; lastModified: Date }> = [];
  let cursor: string | undefined;
  do {
    const page = await storage.list({ prefix: '', cursor, limit: 1000 });
    keys.push(...page.objects);
    cursor = page.nextCursor;
  } while (cursor);
  return keys;
}
