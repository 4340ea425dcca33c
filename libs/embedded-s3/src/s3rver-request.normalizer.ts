import type { IncomingMessage } from 'node:http';
import type { S3rverStore } from './s3rver.adapter';

/**
 * Rewrites the headers s3rver misreads, in place, and returns their original values (the
 * signature covers those). Two defects:
 * - `x-amz-copy-source` is decoded with decodeURI, which leaves `%2B`, `%26`, `%3F`... encoded,
 *   so copying a key with `+`, `&` or `?` finds no source: it is re-encoded so that decodeURI
 *   yields the key;
 * - a range on an empty object is answered with `Content-Length: 1` and no byte, and the client
 *   waits forever: it becomes a range s3rver refuses with 416 InvalidRange, as S3 does.
 */
export async function normalizeForS3rver(
  req: IncomingMessage,
  url: URL,
  store: S3rverStore,
): Promise<Record<string, string>> {
  const original: Record<string, string> = {};
  const copySource = req.headers['x-amz-copy-source'];
  if (typeof copySource === 'string') {
    const rewritten = encodedForDecodeUri(copySource);
    if (rewritten !== copySource) {
      original['x-amz-copy-source'] = copySource;
      req.headers['x-amz-copy-source'] = rewritten;
    }
  }
  const range = req.headers.range;
  const target = objectOf(url);
  if (typeof range === 'string' && target && (req.method === 'GET' || req.method === 'HEAD')) {
    const size = await store.getMetadata(target.bucket, target.key).then(
      (metadata) => Number(metadata['content-length']),
      () => undefined,
    );
    if (size === 0) {
      original.range = range;
      req.headers.range = 'bytes=1-';
    }
  }
  return original;
}

/** The copy source encoded so that decodeURI, not only decodeURIComponent, yields the key. */
function encodedForDecodeUri(copySource: string): string {
  try {
    return encodeURI(decodeURIComponent(copySource));
  } catch {
    return copySource;
  }
}

function objectOf(url: URL): { bucket: string; key: string } | null {
  const match = /^\/([^/]+)\/(.+)$/.exec(url.pathname);
  if (!match) return null;
  try {
    return { bucket: decodeURIComponent(match[1]), key: decodeURIComponent(match[2]) };
  } catch {
    return null;
  }
}
