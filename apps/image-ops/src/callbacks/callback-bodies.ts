import { IMAGE_RESULT } from '@mp/contracts';
import { createHash } from 'node:crypto';

/** The `id` query parameter of a callback URL, echoed in the body (seed: `?id=100` → `"id": "100"`). */
export function callbackIdOf(url: string): string {
  return new URL(url).searchParams.get('id') ?? '';
}

/** A stable delivery id per (thing, outcome): a re-run that emits again is delivered once. */
export function deliveryIdFor(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export type FileRef = {
  url: string;
  name: string;
  path: string;
};

/** Seed: the operation-exec callback, success (`resultFiles`) or failure (500201). */
export function operationCallbackBody(o: {
  url: string;
  operationId: string;
  overwritten: boolean;
  source: FileRef;
  results?: FileRef[];
  failed: boolean;
}) {
  const header = o.failed
    ? {
        isSuccessful: false,
        resultCode: IMAGE_RESULT.operationFail.code,
        resultMessage: IMAGE_RESULT.operationFail.message,
      }
    : { isSuccessful: true, resultCode: 0, resultMessage: 'Success' };
  return {
    header,
    id: callbackIdOf(o.url),
    overwritten: o.overwritten,
    operationId: o.operationId,
    sourceFile: o.source,
    ...(o.failed ? {} : { resultFiles: o.results ?? [] }),
  };
}

export type UploadSuccess = FileRef & {
  id: string;
  width: number;
  height: number;
  sizeByte: number;
  overwritten: boolean;
  updatedAt: string;
};

export type UploadFailure = {
  name: string;
  path: string;
  sizeByte: number;
  resultCode: number;
  resultMessage: string;
};

/** Seed: the multiple-upload callback ("Success", "Partial Success" or "Fail"). */
export function uploadCallbackBody(url: string, successFiles: UploadSuccess[], failFiles: UploadFailure[]) {
  const outcome =
    failFiles.length === 0
      ? IMAGE_RESULT.success
      : successFiles.length === 0
        ? IMAGE_RESULT.allFailed
        : IMAGE_RESULT.partialSuccess;
  return {
    header: { resultMessage: outcome.message, resultCode: outcome.code, isSuccessful: failFiles.length === 0 },
    id: callbackIdOf(url),
    successFiles,
    failFiles,
  };
}
