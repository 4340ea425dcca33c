/** What a browser-form upload sends as its file; `type` is the part's own Content-Type (none when absent). */
export interface FormFile {
  name: string;
  bytes: Buffer | string;
  type?: string;
}

/** An upload session's presigned POST, as `upload-url` answers it. */
export interface UploadForm {
  upload_url: string;
  upload_fields: Record<string, string>;
}

/** Posts `file` to the session's presigned POST as a browser form does: the session's fields in order, the file last. */
export function postUploadForm(
  session: UploadForm,
  file: FormFile,
  init: { signal?: AbortSignal } = {},
): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(session.upload_fields)) form.append(name, value);
  const bytes = typeof file.bytes === 'string' ? file.bytes : new Uint8Array(file.bytes);
  form.append('file', new Blob([bytes], file.type ? { type: file.type } : {}), file.name);
  return fetch(session.upload_url, { method: 'POST', body: form, ...init });
}
