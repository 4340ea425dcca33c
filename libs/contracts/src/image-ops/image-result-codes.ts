import { ERROR_STATUS, ErrorCode } from '../errors/error-codes';

/**
 * `header.resultCode`s of the image dialect that services choose themselves (sent as
 * `DomainError.details.resultCode`); the rest follow from the error code (docs/compat/image-api.md).
 */
export const IMAGE_RESULT = {
  success: { code: 0, message: 'Success' },
  partialSuccess: { code: 1, message: 'Partial Success' },
  allFailed: { code: 2, message: 'Fail' },
  sameFileName: { code: 20010, message: 'There is same file name.' },
  overUploadVolume: { code: 11004, message: 'It was exceed the max volume you can upload at once.' },
  operationFail: { code: 500201, message: 'Operation fail. ' },
  notAnImage: { code: 20020, message: 'The file is not an image, or the image is broken.' },
  tooManyPixels: { code: 20021, message: 'The image has too many pixels or frames.' },
  pathNotFound: { code: 20004, message: 'No such file or folder.' },
  folderIsFile: { code: 20011, message: 'A file exists at this path.' },
  operationNotFound: { code: 20030, message: 'No such operation.' },
  queueNotFound: { code: 20040, message: 'No such queue item.' },
  archiveRefused: { code: 20022, message: 'The zip archive was refused.' },
} as const;

/**
 * `header.resultCode` for an error code when the service chose none: the code's HTTP status, but
 * for the codes the image dialect gives its own (docs/compat/image-api.md).
 */
const IMAGE_RESULT_BY_ERROR: Record<ErrorCode, number> = {
  ...ERROR_STATUS,
  QuotaExceeded: 11005,
  NotFound: IMAGE_RESULT.pathNotFound.code,
  ObjectNotFound: IMAGE_RESULT.pathNotFound.code,
  FileNotFound: IMAGE_RESULT.pathNotFound.code,
  Conflict: IMAGE_RESULT.sameFileName.code,
  PayloadTooLarge: IMAGE_RESULT.overUploadVolume.code,
  UnsupportedMediaType: IMAGE_RESULT.notAnImage.code,
};

/** The image dialect's resultCode of an error: the one the service set, else the code's default. */
export function imageResultCodeOf(error: { code: ErrorCode; details?: Record<string, unknown> }): number {
  const chosen = error.details?.resultCode;
  if (typeof chosen === 'number' && Number.isInteger(chosen)) return chosen;
  return IMAGE_RESULT_BY_ERROR[error.code];
}
