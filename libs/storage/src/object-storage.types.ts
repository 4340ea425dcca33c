import type { Readable } from 'node:stream';

export interface ObjectHead {
  key: string;
  size: number;
  contentType?: string;
  /** Without quotes. */
  etag: string;
  lastModified: Date;
  /** User metadata (`x-amz-meta-*`), names without the prefix. */
  metadata: Record<string, string>;
}

export interface ListedObject {
  key: string;
  size: number;
  etag: string;
  lastModified: Date;
}

export interface ObjectList {
  objects: ListedObject[];
  /** Pass back as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}

/** Inclusive byte offsets; no `end` reads to the end of the object. */
export interface ByteRange {
  start: number;
  end?: number;
}

export interface ObjectStream {
  body: Readable;
  /** Bytes in `body`. */
  size: number;
  /** Bytes in the whole object (differs from `size` for a range). */
  totalSize: number;
  contentType?: string;
  etag: string;
}

export interface PresignPostOptions {
  key: string;
  contentType: string;
  maxBytes: number;
  expiresInSeconds: number;
}

/** A browser-form upload: POST `fields` in this order to `url`, then the file as `file`. */
export interface PresignedPost {
  url: string;
  fields: Record<string, string>;
}

export interface PresignPutOptions {
  key: string;
  /** The uploader must send exactly this Content-Type. */
  contentType: string;
  /** When given, the uploader must send exactly this many bytes (Content-Length is signed). */
  contentLength?: number;
  expiresInSeconds: number;
}

export interface PresignGetOptions {
  key: string;
  expiresInSeconds: number;
  /** Served as an attachment under this file name. */
  downloadName?: string;
  /** The object's type, when known: an active type (HTML, SVG…) is always served as an attachment. */
  contentType?: string | null;
}

export interface PutObjectOptions {
  key: string;
  /** A stream is uploaded in parts as it is read, never held whole in memory. */
  body: Buffer | Readable;
  contentType: string;
  /** When known for a stream: a body of another length is refused. */
  contentLength?: number;
  /**
   * A stream of known `contentLength` (at most 5 GiB) goes up as one streamed PutObject instead of
   * buffered 8 MB parts of a multipart upload: no part copies, no per-part payload hash, no
   * multipart assembly in the store. Ignored without `contentLength`.
   */
  singleRequest?: boolean;
  /** User metadata (`x-amz-meta-*`), names without the prefix. */
  metadata?: Record<string, string>;
}

/** One page of a listing with a delimiter: keys, and the "folders" (common prefixes) they roll up into. */
export interface ObjectPage {
  objects: ListedObject[];
  commonPrefixes: string[];
  /** Set when more follow: pass it back as `marker`. */
  nextMarker?: string;
}

/** What a copy stores instead of the source's type and metadata (S3's `REPLACE` directive). */
export interface ReplacedAttributes {
  contentType: string;
  metadata: Record<string, string>;
}

export interface StoredObject {
  etag: string;
  size: number;
}

export type DigestAlgorithm = 'md5' | 'sha256';

/** Hex digests of the requested algorithms. */
export interface ObjectDigest {
  md5?: string;
  sha256?: string;
  size: number;
}
