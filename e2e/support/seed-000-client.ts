/** Seed 000's JavaScript `uploadFile`, verbatim in behaviour: upload-url, FormData fields then file last, POST. */
export async function uploadFile(
  baseUrl: string,
  apiKey: string,
  file: { name: string; bytes: Buffer; type?: string },
  folder = 'inputs',
  metadata?: Record<string, unknown>,
) {
  const urlResponse = await fetch(`${baseUrl}/v1/files/upload-url`, {
    method: 'POST',
    headers: { 'X-API-Key': apiKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({ filename: file.name, folder, ...(metadata ? { metadata } : {}) }),
  });
  expect(urlResponse.status).toBe(200);
  const data = (await urlResponse.json()) as {
    upload_url: string;
    upload_fields: Record<string, string>;
    file_url: string;
    object_key: string;
    folder: string;
  };
  const formData = new FormData();
  Object.entries(data.upload_fields).forEach(([key, value]) => formData.append(key, value));
  formData.append(
    'file',
    new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }),
    file.name,
  );
  const uploadResponse = await fetch(data.upload_url, { method: 'POST', body: formData });
  return { ...data, uploadStatus: uploadResponse.status };
}

export interface SearchOptions {
  page?: number;
  pageSize?: number;
  sortBy?: string;
  sortOrder?: string;
}

/** Seed 000's JavaScript `searchFiles` request, answering the status and the parsed body. */
export async function searchFiles<Body>(
  baseUrl: string,
  apiKey: string,
  filters: unknown,
  options: SearchOptions = {},
): Promise<{ status: number; body: Body }> {
  const { page = 1, pageSize = 20, sortBy = 'created_at', sortOrder = 'desc' } = options;
  const response = await fetch(`${baseUrl}/v1/files/storage/search`, {
    method: 'POST',
    headers: { 'X-API-Key': apiKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({ filters, page, page_size: pageSize, sort_by: sortBy, sort_order: sortOrder }),
  });
  return { status: response.status, body: (await response.json()) as Body };
}
