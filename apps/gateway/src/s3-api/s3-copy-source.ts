import { DomainError } from '@mp/contracts';
import { validateObjectKey } from '../s3-proxy/s3-object-key';
import { header, S3RequestContext } from './s3-request.context';

/**
 * The user key named by `x-amz-copy-source` (`[/]bucket/key`, URL-encoded, no version id), which
 * must be in the caller's own bucket.
 */
export function copySourceOf(ctx: S3RequestContext): string {
  const raw = header(ctx.request, 'x-amz-copy-source') ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw.split('?')[0]).replace(/^\//, '');
  } catch {
    throw invalid('x-amz-copy-source is not URL-encoded correctly.');
  }
  const slash = decoded.indexOf('/');
  if (slash <= 0 || slash === decoded.length - 1)
    throw invalid('Copy Source must mention the source bucket and key: sourcebucket/sourcekey.');
  if (raw.includes('?versionId=')) throw new DomainError('NotImplemented', 'Object versions are not supported.');
  if (decoded.slice(0, slash) !== ctx.bucket) {
    throw new DomainError('Forbidden', 'Access Denied: objects can only be copied within your own bucket.');
  }
  return validateObjectKey(decoded.slice(slash + 1), 'x-amz-copy-source');
}

function invalid(message: string): DomainError {
  return new DomainError('ValidationFailed', message, { s3_code: 'InvalidArgument' });
}
