import { ApiClient, queryString } from './api-client';

/** The public shapes of seed 002's AI Image API, as the portal reads them. */
export interface AiUsage {
  owner_name: string | null;
  email: string | null;
  quota_limit: number;
  used_count: number;
  remaining: number;
  status: string;
  created_at: string;
  expires_at: string | null;
  stats: { total_requests: number; successful_requests: number; failed_requests: number; avg_response_time_ms: number };
}
export interface Pagination {
  page: number;
  limit: number;
  total: number;
}
export interface AiLog {
  id: number;
  model: string | null;
  timestamp: string;
  status: string;
  response_time_ms: number;
  error_message: string | null;
}
export interface GalleryImage {
  id: number;
  prompt: string;
  model: string;
  s3_url: string;
  image_size: string;
  created_at: string;
}
export interface GenerationResult {
  model: string;
  created: number;
  data: Array<{ url?: string; b64_json?: string; size?: string; error?: { code: string; message: string } }>;
  usage: { generated_images: number; output_tokens: number; total_tokens: number };
}
export interface LogQuery {
  start_date?: string;
  end_date?: string;
  page: number;
  limit: number;
}

export const aiImageApi = {
  usage: (api: ApiClient) => api.json<AiUsage>('/v1/usage'),
  logs: (api: ApiClient, query: LogQuery) =>
    api.json<{ logs: AiLog[]; pagination: Pagination }>(`/v1/logs${queryString({ ...query })}`),
  gallery: (api: ApiClient, page: number, limit: number) =>
    api.json<{ images: GalleryImage[]; pagination: Pagination }>(`/v1/gallery${queryString({ page, limit })}`),
  generate: (api: ApiClient, body: Record<string, unknown>) =>
    api.json<GenerationResult>('/v1/images/generations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
};
