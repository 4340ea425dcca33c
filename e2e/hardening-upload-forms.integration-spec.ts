import { platformSuite, postUploadForm, solidPng, testObjectStorage, waitFor } from '@mp/testing';
import { ObjectStorage } from '@mp/storage';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

interface UploadSession {
  upload_url: string;
  upload_fields: Record<string, string>;
  file_url: string;
  object_key: string;
}

/**
 * Issue 9, items 2 and 3: a presigned POST form stays valid for days and may be posted again, or
 * many times at once. Neither may destroy, swap or lose the file it created.
 */
describe('re-used and parallel upload forms (real processes, embedded store)', () => {
  const suite = platformSuite({
    apps: ['quota-billing', 'files', 'search-indexer', 'gateway'],
    env: { RECONCILE_INTERVAL_MS: '1000' },
    teams: { forms: ['cdt'] },
  });
  let storage: ObjectStorage;
  const apiKey = () => suite.team('forms').keys.cdt!.key!;

  beforeAll(() => {
    storage = testObjectStorage(suite.infra.env);
  });

  async function createSession(filename: string, folder: string): Promise<UploadSession> {
    const res = await fetch(`${suite.gatewayUrl}/v1/files/upload-url`, {
      method: 'POST',
      headers: { 'X-API-Key': apiKey(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ filename, folder }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as UploadSession;
  }

  async function postForm(session: UploadSession, bytes: Buffer): Promise<number> {
    return (await postUploadForm(session, { name: 'image.png', bytes, type: 'image/png' })).status;
  }

  async function searchHit(folder: string, objectKey: string): Promise<Record<string, unknown> | undefined> {
    const res = await fetch(`${suite.gatewayUrl}/v1/files/storage/search`, {
      method: 'POST',
      headers: { 'X-API-Key': apiKey(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ filters: { folder }, page: 1, page_size: 20 }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { files: Array<Record<string, unknown>> };
    return body.files.find((f) => f.object_key === objectKey);
  }

  async function download(url: string): Promise<{ status: number; bytes: Buffer }> {
    const res = await fetch(url);
    return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
  }

  function patchMetadata(objectKey: string, metadata: Record<string, unknown>): Promise<Response> {
    return fetch(`${suite.gatewayUrl}/v1/files/storage/file/metadata`, {
      method: 'PATCH',
      headers: { 'X-API-Key': apiKey(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ object_key: objectKey, metadata }),
    });
  }

  async function keysUnder(prefix: string): Promise<string[]> {
    return (await storage.list({ prefix, limit: 1000 })).objects.map((o) => o.key);
  }

  /** Every object of the team: the folder's and any staging object the team's forms wrote. */
  async function teamObjects(): Promise<string[]> {
    return [
      ...(await keysUnder(`aiapi/${suite.team('forms').teamId}/`)),
      ...(await keysUnder(`aiapi/.uploads/${suite.team('forms').teamId}/`)),
    ];
  }

  async function activated(folder: string, session: UploadSession, bytes: Buffer): Promise<void> {
    await waitFor(async () => (await searchHit(folder, session.object_key)) ?? undefined, {
      timeoutMs: 20_000,
      what: 'the upload to be verified and searchable',
    });
    expect((await download(session.file_url)).bytes.equals(bytes)).toBe(true);
  }

  /** The form's key has been looked at and cleared by the verifier (or never held a late write). */
  async function lateWriteHandled(session: UploadSession): Promise<void> {
    await waitFor(async () => (await storage.head(session.upload_fields.key)) === null, {
      timeoutMs: 20_000,
      what: 'the late write to be handled',
    });
  }

  async function expectIntact(folder: string, session: UploadSession, original: Buffer): Promise<void> {
    const file = await download(session.file_url);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(original)).toBe(true);
    const hit = await searchHit(folder, session.object_key);
    expect(hit).toMatchObject({ object_key: session.object_key, size: original.length, content_type: 'image/png' });
    const patched = await patchMetadata(session.object_key, { reviewed: 'yes' });
    expect(patched.status).toBe(200);
    expect(await teamObjects()).toContain(session.object_key);
  }

  it('keeps an active file whole when its form is posted again with bytes that fail verification', async () => {
    const folder = 'replay-invalid';
    const original = solidPng(24, 16);
    const session = await createSession('photo.png', folder);
    expect(await postForm(session, original)).toBeLessThan(300);
    await activated(folder, session, original);

    expect(await postForm(session, Buffer.from('#!/bin/sh\necho not an image\n'))).toBeLessThan(300);
    await lateWriteHandled(session);

    await expectIntact(folder, session, original);
  });

  it('does not swap an active file for another valid image posted with the same form', async () => {
    const folder = 'replay-valid';
    const original = solidPng(20, 20, [10, 200, 10]);
    const session = await createSession('photo.png', folder);
    expect(await postForm(session, original)).toBeLessThan(300);
    await activated(folder, session, original);

    const other = solidPng(40, 30, [250, 250, 0]);
    expect(await postForm(session, other)).toBeLessThan(300);
    await lateWriteHandled(session);

    expect(other.length).not.toBe(original.length);
    await expectIntact(folder, session, original);
  });

  it('activates a file posted 50 times at once, leaving exactly its one object (3 rounds)', async () => {
    for (let round = 0; round < 3; round++) {
      const folder = `parallel-${round}`;
      // Large enough that a write takes a while: a store showing it half-written makes readers see a broken image.
      const bytes = Buffer.concat([solidPng(64 + round, 48), randomBytes(1024 * 1024)]);
      const session = await createSession('burst.png', folder);
      // All in flight together, started over a second so verification runs while some are still writing.
      const statuses = await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          await sleep((i % 25) * 40);
          return postForm(session, bytes);
        }),
      );
      expect(statuses.filter((s) => s >= 300)).toEqual([]);

      await activated(folder, session, bytes);
      await waitFor(
        async () => {
          const objects = await teamObjects();
          const mine = objects.filter(
            (k) => k.startsWith(`aiapi/${suite.team('forms').teamId}/${folder}/`) || k.includes('/.uploads/'),
          );
          return mine.length === 1 && mine[0] === session.object_key;
        },
        { timeoutMs: 20_000, what: `round ${round}: one object for the file and no staging object left` },
      );
      expect(await searchHit(folder, session.object_key)).toMatchObject({ size: bytes.length });
      expect((await patchMetadata(session.object_key, { round })).status).toBe(200);
    }
  });
});
