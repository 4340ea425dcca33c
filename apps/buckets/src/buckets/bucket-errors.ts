import { DomainError } from '@mp/contracts';

export const noSuchBucket = (name: string) => new DomainError('NotFound', 'Bucket not found', { bucket: name });
export const bucketExists = (name: string) =>
  new DomainError('Conflict', 'A bucket of that name already exists', { bucket: name });
export const bucketNotEmpty = (name: string) =>
  new DomainError('BucketNotEmpty', 'The bucket still holds objects', { bucket: name });
