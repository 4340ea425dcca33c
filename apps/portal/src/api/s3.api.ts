import { ApiClient, queryString } from './api-client';

export interface StorageUsage {
  quota_limit_bytes: number;
  used_bytes: number;
  reserved_bytes: number;
  remaining_bytes: number;
  file_count: number;
  status: string;
  default_limit: boolean;
}
export interface StoredFile {
  key: string;
  size: number;
  last_modified: string;
  etag: string;
}
export interface FilesPage {
  files: StoredFile[];
  prefix: string;
  next_cursor: string | null;
  has_more: boolean;
}
export interface S3Credentials {
  endpoint: string;
  region: string;
  bucket: string;
  access_key_id: string;
  secret_access_key: string;
}

/** A key as a URL path: each segment encoded, the slashes kept (the API reads everything after /s3/files/). */
export function filePath(key: string): string {
  return `/s3/files/${key.split('/').map(encodeURIComponent).join('/')}`;
}

export const s3Api = {
  usage: (api: ApiClient) => api.json<StorageUsage>('/s3/usage'),
  files: (api: ApiClient, prefix: string, cursor?: string, limit = 50) =>
    api.json<FilesPage>(`/s3/files${queryString({ prefix, cursor, limit })}`),
  download: async (api: ApiClient, key: string) => (await api.request(filePath(key))).blob(),
  remove: (api: ApiClient, key: string) =>
    api.json<{ success: boolean; key: string; freed_bytes: number }>(filePath(key), { method: 'DELETE' }),
  /** Null while the server has no such endpoint (404). */
  credentials: async (api: ApiClient): Promise<S3Credentials | null> => {
    try {
      return await api.json<S3Credentials>('/s3/credentials');
    } catch (err) {
      if ((err as { status?: number }).status === 404) return null;
      throw err;
    }
  },
};
