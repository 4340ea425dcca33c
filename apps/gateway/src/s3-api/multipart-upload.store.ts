import { DomainError, Principal } from '@mp/contracts';
import { ObjectStorage } from '@mp/storage';

/** Everything of incomplete multipart uploads lives under this root, per team and key, apart from the keyspace. */
export const MULTIPART_ROOT = 's3api-multipart/';
const MANIFEST = 'upload.json';
const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What CreateMultipartUpload records, read back by every later call of the upload. */
export interface MultipartManifest {
  key: string;
  content_type: string;
  metadata: Record<string, string>;
  reservation_id: string;
  initiated: string;
  team_id: string;
  key_id: string;
}

const noSuchUpload = (uploadId: string) =>
  new DomainError(
    'NoSuchUpload',
    'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
    { upload_id: uploadId },
  );

/** Where an upload's manifest and parts are stored. */
export class MultipartLayout {
  readonly root: string;

  constructor(principal: Pick<Principal, 'team_id' | 'key_id'>) {
    this.root = `${MULTIPART_ROOT}${principal.team_id}/${principal.key_id}/`;
  }

  uploadRoot(uploadId: string): string {
    return `${this.root}${uploadId}/`;
  }

  manifestKey(uploadId: string): string {
    return this.uploadRoot(uploadId) + MANIFEST;
  }

  partKey(uploadId: string, partNumber: number): string {
    return `${this.uploadRoot(uploadId)}part-${String(partNumber).padStart(5, '0')}`;
  }

  partNumberOf(objectKey: string): number | undefined {
    const match = /\/part-(\d{5})$/.exec(objectKey);
    return match ? Number(match[1]) : undefined;
  }
}

export function isManifestKey(objectKey: string): boolean {
  return objectKey.startsWith(MULTIPART_ROOT) && objectKey.endsWith(`/${MANIFEST}`);
}

/** Reads and writes manifests; an unknown or malformed upload id is NoSuchUpload. */
export class MultipartManifests {
  constructor(private readonly storage: ObjectStorage) {}

  async save(layout: MultipartLayout, uploadId: string, manifest: MultipartManifest): Promise<void> {
    await this.storage.put({
      key: layout.manifestKey(uploadId),
      body: Buffer.from(JSON.stringify(manifest)),
      contentType: 'application/json',
    });
  }

  async load(layout: MultipartLayout, uploadId: string | null): Promise<MultipartManifest> {
    if (uploadId === null || !UPLOAD_ID.test(uploadId)) throw noSuchUpload(String(uploadId));
    return this.read(layout.manifestKey(uploadId), uploadId);
  }

  async read(manifestKey: string, uploadId: string): Promise<MultipartManifest> {
    let text: string;
    try {
      text = (await this.storage.readHead({ key: manifestKey, bytes: 64 * 1024 })).toString('utf8');
    } catch (err) {
      if (err instanceof DomainError && err.code === 'ObjectNotFound') throw noSuchUpload(uploadId);
      throw err;
    }
    try {
      return JSON.parse(text) as MultipartManifest;
    } catch {
      throw noSuchUpload(uploadId);
    }
  }
}
