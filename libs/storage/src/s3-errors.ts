import { S3ServiceException } from '@aws-sdk/client-s3';

/** No such object (HEAD answers a bare 404, which the SDK names `NotFound`). */
export function isMissingObject(err: unknown): boolean {
  return err instanceof S3ServiceException && (err.name === 'NoSuchKey' || err.name === 'NotFound');
}

/** HeadBucket's bare 404, or NoSuchBucket where the store sends a body. */
export function isMissingBucket(err: unknown): boolean {
  return err instanceof S3ServiceException && (err.name === 'NoSuchBucket' || err.name === 'NotFound');
}

export function isBucketAlreadyOwned(err: unknown): boolean {
  return err instanceof S3ServiceException && err.name === 'BucketAlreadyOwnedByYou';
}

export function isUnsatisfiableRange(err: unknown): boolean {
  return err instanceof S3ServiceException && (err.name === 'InvalidRange' || err.$metadata.httpStatusCode === 416);
}

/** The store does not offer the operation (MinIO and R2 for some bucket settings). */
export function isNotImplemented(err: unknown): boolean {
  return err instanceof S3ServiceException && (err.name === 'NotImplemented' || err.$metadata.httpStatusCode === 501);
}

/** A conditional request whose condition (If-Match, x-amz-copy-source-if-match) did not hold. */
export function isPreconditionFailed(err: unknown): boolean {
  return (
    err instanceof S3ServiceException && (err.name === 'PreconditionFailed' || err.$metadata.httpStatusCode === 412)
  );
}
