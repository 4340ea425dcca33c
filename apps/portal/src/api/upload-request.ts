import { apiErrorOf, ApiError } from './api-error';

export interface UploadAnswer {
  success: boolean;
  key: string;
  size: number;
  content_type: string;
  replaced: boolean;
}

/**
 * `POST /s3/upload` as multipart/form-data with XMLHttpRequest, the one browser API that reports
 * upload progress (fetch does not). `onProgress` gets 0..1.
 */
export function uploadFile(
  apiKey: string,
  file: File,
  key: string,
  onProgress: (done: number) => void,
): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    if (key) form.append('key', key);
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/s3/upload');
    xhr.setRequestHeader('authorization', `Bearer ${apiKey}`);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(xhr.response as UploadAnswer);
      else reject(apiErrorOf(xhr.status, xhr.response));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NetworkError', 'The upload was interrupted'));
    xhr.send(form);
  });
}
